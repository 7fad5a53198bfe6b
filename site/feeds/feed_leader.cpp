#include "feeds/feed_leader.h"

#include <cstdio>

#include "feeds/hub_loading.h"

namespace beitai::site {

FeedLeader::FeedLeader(FeedsConfig config, ParkingHub& hub, const Clock& clock, Store& store,
                       std::chrono::milliseconds check_every)
    : config_(std::move(config)), hub_(hub), clock_(clock), store_(store), check_every_(check_every) {
    add_feed_counties(config_, hub_);
}

FeedLeader::~FeedLeader() { stop(); }

void FeedLeader::start() {
    if (thread_.joinable()) return;
    check();
    thread_ = std::thread([this] { run(); });
}

void FeedLeader::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (poller_) poller_->stop();
}

void FeedLeader::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, check_every_, [&] { return stopping_; })) {
        lock.unlock();
        check();
        lock.lock();
    }
}

void FeedLeader::check() {
    auto lead = store_.lead_feeds();
    if (!lead) {
        // The store cannot say who leads (a database away): whoever polls goes on polling,
        // whoever follows goes on following, and it is said once until it can say again.
        if (!lead_error_said_)
            std::fprintf(stderr, "beitai: parking: cannot tell which process polls the feeds: %s\n", lead.error().c_str());
        lead_error_said_ = true;
        if (!poller_) follow();
        return;
    }
    lead_error_said_ = false;
    if (*lead && !poller_) {
        std::printf("parking: this process polls the feeds\n");
        std::fflush(stdout);
        poller_ = std::make_unique<FeedPoller>(config_, hub_, clock_, &store_);
        poller_->start();
        leading_ = true;
        said_following_ = false;
    } else if (!*lead && poller_) {
        std::printf("parking: another process polls the feeds now; this one follows\n");
        std::fflush(stdout);
        poller_->stop();
        poller_.reset();
        leading_ = false;
        seen_revision_ = -1;
        said_following_ = true;
    }
    if (!poller_) follow();
}

void FeedLeader::follow() {
    if (!said_following_) {
        std::printf("parking: another process polls the feeds; this one serves what it keeps in the store\n");
        std::fflush(stdout);
        said_following_ = true;
    }
    auto revision = store_.parking_revision();
    if (!revision || *revision == seen_revision_) return;
    auto documents = store_.parking_documents();
    if (!documents) {
        std::fprintf(stderr, "beitai: parking: the kept documents do not read: %s\n", documents.error().c_str());
        return;
    }
    load_kept_documents(*documents, config_, hub_);
    hub_.publish(clock_.now());
    seen_revision_ = *revision;
}

}  // namespace beitai::site
