// /metrics: the server's counters in the Prometheus text format (http/metrics.h), with this
// portal's gauges read at scrape time — each parking feed's age, failures in a row and breaker.
//
// Only for the machine itself: the TCP peer must be a loopback address, and a request that
// came through a proxy (it names a client in X-Forwarded-For, Forwarded or X-Real-IP) is
// served only when the proxy is trusted (--trust-proxy) and names a loopback client. So an
// nginx on the same machine that forwards everything does not publish it; a scraper on the
// machine, or one reached through an SSH tunnel, reads it.
#include "http/metrics.h"
#include "routes/portal.h"

namespace beitai::site {

namespace {

bool is_loopback(const std::string& address) {
    return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

}  // namespace

bool Portal::from_loopback(const Request& request) const {
    if (!is_loopback(request.remote_address)) return false;
    const bool proxied = !request.header("x-forwarded-for").empty() || !request.header("forwarded").empty() ||
                         !request.header("x-real-ip").empty();
    if (!proxied) return true;
    return config_.trust_proxy && request.header("forwarded").empty() && request.header("x-real-ip").empty() &&
           is_loopback(client_address(request));
}

Response Portal::metrics_page(const Call& call) {
    if (!from_loopback(call.request))
        return Response::json_error(403, "the metrics are served to this machine only (a loopback client)");
    std::string out = metrics().exposition();
    if (parking_) {
        const auto snapshot = parking_->snapshot();
        metric_header(out, "beitai_parking_feed_age_seconds", "gauge",
                      "Seconds since a county's parking data was last taken (absent: never).");
        for (const auto& f : snapshot->feeds())
            if (f.last_success_at)
                metric_sample(out, "beitai_parking_feed_age_seconds", "county=\"" + metric_label_value(f.county) + "\"",
                              static_cast<double>(call.now - *f.last_success_at));
        metric_header(out, "beitai_parking_feed_consecutive_failures", "gauge",
                      "Failed fetches of a county's feed since its last success.");
        for (const auto& f : snapshot->feeds())
            metric_sample(out, "beitai_parking_feed_consecutive_failures",
                          "county=\"" + metric_label_value(f.county) + "\"", f.consecutive_failures);
        metric_header(out, "beitai_parking_feed_breaker_open", "gauge",
                      "1 while a county's breaker is open (its feed is asked again only later).");
        for (const auto& f : snapshot->feeds())
            metric_sample(out, "beitai_parking_feed_breaker_open", "county=\"" + metric_label_value(f.county) + "\"",
                          f.breaker_open ? 1 : 0);
    }
    Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = std::move(out);
    return r;
}

}  // namespace beitai::site
