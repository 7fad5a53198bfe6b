// What makes a campaign well formed, and when its rules may still change.
//
// The rules — period, sites, the number of counties, draws, prizes — are frozen once
// check-ins open: a participant who started under one rule must finish under it. The
// admin may still correct the names and the note.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"

namespace beitai::raffle {

// How close a reported position must be to a site, the bounds of its radius: below the lower
// a phone's usual accuracy could never prove a visit; above the upper "at the site" stops
// meaning anything.
constexpr double kMinRadiusMetres = 30;
constexpr double kMaxRadiusMetres = 1000;

// Every problem with `campaign` against the counties and sites, each naming its field
// ("draws[1].cutoff: before the campaign's first day"); empty when it is sound.
// Checked: ids URL-safe and unique, start ≤ end, 1 ≤ min_counties ≤ counties, site and prize
// counties known, cut-offs within the period's days and in order, a draw's date not before
// its cut-off, prize counts ≥ 1, radii within the bounds above; for a campaign the portal runs, each draw's random value
// named (both languages) and contacts kept until the last draw's day at least.
std::vector<std::string> check_campaign(const content::Campaign& campaign, const std::vector<content::County>& counties,
                                        const std::vector<content::Site>& sites);

// True once check-ins have opened (the Taiwan date at `now` is on or after the start).
bool rules_frozen(const content::Campaign& campaign, long long now);

// Whether `next` may replace `current` at `now`: an empty string, or why not (the first rule
// that differs, named: "min_counties: the rules are frozen since check-ins opened on 2026-10-01").
// Frozen with the rules: each draw's named random value; contacts_erased_after may only move
// earlier.
std::string rules_change_refusal(const content::Campaign& current, const content::Campaign& next, long long now);

// Whether check-ins are taken at `now`: the Taiwan date within [start, end].
bool within_period(const content::Campaign& campaign, long long now);

// Whether the prize period is over at `now` (the Taiwan date is after contacts_erased_after),
// so that the participants' contacts must be erased (個人資料保護法: kept no longer than the
// purpose needs).
bool contacts_expired(const content::Campaign& campaign, long long now);

}  // namespace beitai::raffle
