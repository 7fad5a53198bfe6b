#include "geo/twd97.h"

#include <cmath>

namespace beitai::geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kA = 6378137.0;               // GRS80 semi-major axis, metres
constexpr double kF = 1 / 298.257222101;       // GRS80 flattening
constexpr double kK0 = 0.9999;                  // scale on the central meridian
constexpr double kLon0 = 121.0 * kPi / 180;     // central meridian
constexpr double kFalseEasting = 250000.0;

// The series' coefficients, worked out once from n = f / (2 − f).
struct Series {
    double e;         // eccentricity
    double radius;    // k0 · A, A the rectifying radius
    double alpha[6];  // forward: conformal sphere → ellipsoid's Gauss–Krüger plane
    double beta[6];   // inverse
};

Series make_series() {
    const double n = kF / (2 - kF);
    const double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
    Series s{};
    s.e = std::sqrt(kF * (2 - kF));
    s.radius = kK0 * kA / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
    s.alpha[0] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
    s.alpha[1] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
    s.alpha[2] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
    s.alpha[3] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
    s.alpha[4] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
    s.alpha[5] = 212378941 * n6 / 319334400;
    s.beta[0] = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800;
    s.beta[1] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
    s.beta[2] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
    s.beta[3] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
    s.beta[4] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
    s.beta[5] = 20648693 * n6 / 638668800;
    return s;
}

// A constant, computed once at first use (immutable: the core keeps no state).
const Series& series() {
    static const Series s = make_series();
    return s;
}

}  // namespace

Projected to_twd97(LatLon p) {
    const Series& s = series();
    const double phi = p.lat * kPi / 180, lambda = p.lon * kPi / 180 - kLon0;
    // tan of the conformal latitude.
    const double sin_phi = std::sin(phi);
    const double t = std::sinh(std::atanh(sin_phi) - s.e * std::atanh(s.e * sin_phi));
    const double xi1 = std::atan2(t, std::cos(lambda));
    const double eta1 = std::atanh(std::sin(lambda) / std::sqrt(1 + t * t));
    double xi = xi1, eta = eta1;
    for (int j = 1; j <= 6; ++j) {
        xi += s.alpha[j - 1] * std::sin(2 * j * xi1) * std::cosh(2 * j * eta1);
        eta += s.alpha[j - 1] * std::cos(2 * j * xi1) * std::sinh(2 * j * eta1);
    }
    return {kFalseEasting + s.radius * eta, s.radius * xi};
}

LatLon from_twd97(Projected p) {
    const Series& s = series();
    const double xi = p.y / s.radius, eta = (p.x - kFalseEasting) / s.radius;
    double xi1 = xi, eta1 = eta;
    for (int j = 1; j <= 6; ++j) {
        xi1 -= s.beta[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
        eta1 -= s.beta[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
    }
    const double sinh_eta = std::sinh(eta1), cos_xi = std::cos(xi1);
    const double lambda = std::atan2(sinh_eta, cos_xi);
    // tan of the conformal latitude, then of the geodetic one by Newton's method (Karney's
    // eq. 19–21: three steps reach double precision anywhere; six is a bound, not a need).
    const double tau1 = std::sin(xi1) / std::hypot(sinh_eta, cos_xi);
    const double e2 = s.e * s.e;
    double tau = tau1;
    for (int i = 0; i < 6 && std::isfinite(tau); ++i) {
        const double root = std::hypot(1.0, tau);
        const double sigma = std::sinh(s.e * std::atanh(s.e * tau / root));
        const double tau_i = tau * std::hypot(1.0, sigma) - sigma * root;
        const double step = (tau1 - tau_i) / std::hypot(1.0, tau_i) * (1 + (1 - e2) * tau * tau) / ((1 - e2) * root);
        tau += step;
        if (std::fabs(step) < 1e-14) break;
    }
    return {std::atan(tau) * 180 / kPi, (lambda + kLon0) * 180 / kPi};
}

}  // namespace beitai::geo
