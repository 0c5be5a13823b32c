#include "planner/review/plan_diff.hpp"

#include "model/plan_queries.hpp"
#include "model/yaml_decoder.hpp"

#include <algorithm>
#include <map>

namespace planner {

namespace {
using namespace model;

std::string num(double v) {
    return format_number(v);
}

std::string opt_num(const std::optional<double>& v) {
    return v ? format_number(*v) : "";
}

template <class IdT> std::string join_ids(const std::vector<IdT>& ids) {
    std::vector<std::string> items;
    for (const auto& id : ids)
        items.push_back(id.str());
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::string join_texts(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

template <class IdT> std::string opt_id(const std::optional<IdT>& v) {
    return v ? v->str() : "";
}

class Differ {
public:
    std::vector<PlanChange> changes;

    void field(const std::string& area, const std::string& subject, const std::string& label,
               const std::string& name, const std::string& before, const std::string& after) {
        if (before != after)
            changes.push_back({area, ChangeKind::changed, subject, label, name, before, after});
    }
    void added(const std::string& area, const std::string& subject, const std::string& label,
               const std::string& detail = "") {
        changes.push_back({area, ChangeKind::added, subject, label, "", "", detail});
    }
    void removed(const std::string& area, const std::string& subject, const std::string& label,
                 const std::string& detail = "") {
        changes.push_back({area, ChangeKind::removed, subject, label, "", detail, ""});
    }
};

// Calls on_pair(before*, after*) for every id in either list, in id order.
template <class T, class F>
void by_id(const std::vector<T>& before, const std::vector<T>& after, F on_pair) {
    std::map<std::string, std::pair<const T*, const T*>> all;
    for (const T& t : before)
        all[t.id.str()].first = &t;
    for (const T& t : after)
        all[t.id.str()].second = &t;
    for (const auto& [id, pair] : all)
        on_pair(id, pair.first, pair.second);
}

std::string hours_text(const std::optional<WorkingHours>& h) {
    if (!h)
        return "";
    std::string out;
    if (h->days) {
        for (int i = 0; i < 7; ++i)
            if (h->days->contains(static_cast<Weekday>(i)))
                out +=
                    (out.empty() ? "" : " ") + std::string(weekday_name(static_cast<Weekday>(i)));
    }
    if (h->start)
        out += " " + format_time_of_day(*h->start);
    if (h->end)
        out += "-" + format_time_of_day(*h->end);
    return out;
}

void diff_people(Differ& d, const Plan& a, const Plan& b) {
    by_id(a.people, b.people, [&](const std::string& id, const Person* x, const Person* y) {
        std::string subject = "person:" + id;
        if (!x)
            return d.added("people", subject, display_name(*y), std::string(to_string(y->status)));
        if (!y)
            return d.removed("people", subject, display_name(*x),
                             std::string(to_string(x->status)));
        const std::string& label = display_name(*y);
        d.field("people", subject, label, "name", display_name(*x), display_name(*y));
        d.field("people", subject, label, "status", std::string(to_string(x->status)),
                std::string(to_string(y->status)));
        d.field("people", subject, label, "roles", join_ids(x->roles), join_ids(y->roles));
        d.field("people", subject, label, "fte", num(x->fte), num(y->fte));
        d.field("people", subject, label, "capacity_hours", num(capacity_hours(a.info, *x)),
                num(capacity_hours(b.info, *y)));
        d.field("people", subject, label, "reports_to", opt_id(x->reports_to),
                opt_id(y->reports_to));
        d.field("people", subject, label, "timezone", time_zone(a.info, *x), time_zone(b.info, *y));
        d.field("people", subject, label, "hours", hours_text(x->hours), hours_text(y->hours));
        d.field("people", subject, label, "skills", join_texts(x->skills), join_texts(y->skills));
        d.field("people", subject, label, "interests", join_texts(x->interests),
                join_texts(y->interests));
        auto absences = [](const Person& p) {
            std::vector<std::string> out;
            for (const Absence& ab : p.absences)
                out.push_back(format_date(ab.from) + ".." + format_date(ab.to));
            return join_texts(out);
        };
        d.field("people", subject, label, "absences", absences(*x), absences(*y));
        d.field("people", subject, label, "cost", opt_num(x->cost), opt_num(y->cost));
        d.field("people", subject, label, "hourly_rate", opt_num(x->hourly_rate),
                opt_num(y->hourly_rate));
    });
}

void diff_roles(Differ& d, const Plan& a, const Plan& b) {
    by_id(a.roles, b.roles, [&](const std::string& id, const Role* x, const Role* y) {
        std::string subject = "role:" + id;
        if (!x)
            return d.added("roles", subject, display_name(*y), join_ids(y->duties));
        if (!y)
            return d.removed("roles", subject, display_name(*x), join_ids(x->duties));
        d.field("roles", subject, display_name(*y), "name", display_name(*x), display_name(*y));
        d.field("roles", subject, display_name(*y), "duties", join_ids(x->duties),
                join_ids(y->duties));
        d.field("roles", subject, display_name(*y), "skills", join_texts(x->skills),
                join_texts(y->skills));
        d.field("roles", subject, display_name(*y), "cost", opt_num(x->cost), opt_num(y->cost));
    });
}

void diff_channels(Differ& d, const Plan& a, const Plan& b) {
    by_id(a.channels, b.channels, [&](const std::string& id, const Channel* x, const Channel* y) {
        std::string subject = "channel:" + id;
        if (!x)
            return d.added("channels", subject, display_name(*y),
                           std::string(to_string(y->network)));
        if (!y)
            return d.removed("channels", subject, display_name(*x),
                             std::string(to_string(x->network)));
        const std::string& label = display_name(*y);
        d.field("channels", subject, label, "name", display_name(*x), display_name(*y));
        d.field("channels", subject, label, "profiles", join_ids([&] {
                    std::vector<ProfileId> ids;
                    for (const auto& p : x->profiles)
                        ids.push_back(p.id);
                    return ids;
                }()),
                join_ids([&] {
                    std::vector<ProfileId> ids;
                    for (const auto& p : y->profiles)
                        ids.push_back(p.id);
                    return ids;
                }()));
        const ChannelWorkload& wx = x->workload;
        const ChannelWorkload& wy = y->workload;
        auto driver = [&](const char* name, double before, double after) {
            d.field("drivers", subject, label, name, num(before), num(after));
        };
        driver("posts_per_week", wx.posts_per_week, wy.posts_per_week);
        driver("hours_per_post", wx.hours_per_post, wy.hours_per_post);
        driver("minutes_per_publish", wx.minutes_per_publish, wy.minutes_per_publish);
        driver("minutes_per_approval", wx.minutes_per_approval, wy.minutes_per_approval);
        driver("inbound_per_day", wx.inbound_per_day, wy.inbound_per_day);
        driver("minutes_per_inbound", wx.minutes_per_inbound, wy.minutes_per_inbound);
        driver("listening_hours_per_week", wx.listening_hours_per_week,
               wy.listening_hours_per_week);
        driver("reporting_hours_per_week", wx.reporting_hours_per_week,
               wy.reporting_hours_per_week);
        driver("ads_hours_per_week", wx.ads_hours_per_week, wy.ads_hours_per_week);
        auto care = [&](const Plan& p, const Channel& c) -> std::string {
            if (!c.care)
                return "";
            ResolvedCare r = resolve_care(p.info, *c.care);
            std::string days;
            for (int i = 0; i < 7; ++i)
                if (r.days.contains(static_cast<Weekday>(i)))
                    days += (days.empty() ? "" : " ") +
                            std::string(weekday_name(static_cast<Weekday>(i)));
            return days + " " + format_time_of_day(r.start) + "-" + format_time_of_day(r.end) +
                   " " + r.timezone + ", " + num(r.response_minutes) + " min at " +
                   num(r.service_level);
        };
        d.field("drivers", subject, label, "care", care(a, *x), care(b, *y));
        auto approval = [](const Channel& c) {
            return c.approval.required ? std::to_string(c.approval.steps) + " step(s)"
                                       : std::string("none");
        };
        d.field("drivers", subject, label, "approval", approval(*x), approval(*y));
    });
}

std::string assignment_key(const Assignment& a) {
    return "channel:" + opt_id(a.channel) + "/" + a.duty.str() +
           (a.profile ? "@" + a.profile->str() : "") + " " + a.person.str() + " " +
           std::string(to_string(a.raci)) + (a.backup ? " backup" : "");
}

void diff_ownership(Differ& d, const Plan& a, const Plan& b) {
    std::map<std::string, std::pair<const Assignment*, const Assignment*>> all;
    for (const Assignment& x : a.assignments)
        all[assignment_key(x)].first = &x;
    for (const Assignment& y : b.assignments)
        all[assignment_key(y)].second = &y;
    PlanIndex ia(a), ib(b);
    for (const auto& [key, pair] : all) {
        const Assignment* x = pair.first;
        const Assignment* y = pair.second;
        const Assignment& any = y ? *y : *x;
        std::string subject = any.channel ? "channel:" + any.channel->str() + "/" + any.duty.str()
                                          : "duty:" + any.duty.str();
        if (any.profile)
            subject += "@" + any.profile->str();
        const Person* person = y ? ib.person(any.person) : ia.person(any.person);
        std::string who = person ? display_name(*person) : any.person.str();
        std::string role = any.backup ? "backup" : std::string(to_string(any.raci));
        std::string label = who + " (" + role + ")";
        auto share = [](const Assignment& s) { return s.share ? num(*s.share) : std::string("—"); };
        if (!x)
            d.added("ownership", subject, label,
                    any.raci == Raci::R && !any.backup ? "share " + share(*y) : "");
        else if (!y)
            d.removed("ownership", subject, label,
                      any.raci == Raci::R && !any.backup ? "share " + share(*x) : "");
        else
            d.field("ownership", subject, label, "share", share(*x), share(*y));
    }
}

void diff_goals(Differ& d, const Plan& a, const Plan& b) {
    by_id(a.goals, b.goals, [&](const std::string& id, const Goal* x, const Goal* y) {
        std::string subject = "goal:" + id;
        if (!x)
            return d.added("goals", subject, display_name(*y));
        if (!y)
            return d.removed("goals", subject, display_name(*x));
        const std::string& label = display_name(*y);
        d.field("goals", subject, label, "name", display_name(*x), display_name(*y));
        d.field("goals", subject, label, "priority", std::to_string(x->priority),
                std::to_string(y->priority));
        d.field("goals", subject, label, "owner", opt_id(x->owner), opt_id(y->owner));
        d.field("goals", subject, label, "channels", join_ids(x->channels), join_ids(y->channels));
        by_id(x->kpis, y->kpis, [&](const std::string& kid, const Kpi* kx, const Kpi* ky) {
            std::string ks = "kpi:" + kid;
            if (!kx)
                return d.added("goals", ks, kid, ky->metric);
            if (!ky)
                return d.removed("goals", ks, kid, kx->metric);
            d.field("goals", ks, kid, "metric", kx->metric, ky->metric);
            d.field("goals", ks, kid, "target", kx->target ? num(*kx->target) : "",
                    ky->target ? num(*ky->target) : "");
            d.field("goals", ks, kid, "channel", opt_id(kx->channel), opt_id(ky->channel));
        });
    });
}

int area_rank(const std::string& area) {
    static const char* order[] = {"plan",    "people",    "roles", "channels",
                                  "drivers", "ownership", "goals"};
    for (int i = 0; i < 7; ++i)
        if (area == order[i])
            return i;
    return 7;
}
} // namespace

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::added:
        return "added";
    case ChangeKind::removed:
        return "removed";
    case ChangeKind::changed:
        return "changed";
    }
    return "";
}

std::vector<PlanChange> diff_plans(const model::Plan& before, const model::Plan& after) {
    Differ d;
    d.field("plan", "plan", "plan", "name", before.info.name, after.info.name);
    d.field("plan", "plan", "plan", "quarter",
            before.info.quarter ? format_quarter(*before.info.quarter) : "",
            after.info.quarter ? format_quarter(*after.info.quarter) : "");
    d.field("plan", "plan", "plan", "week.hours", num(before.info.week.hours),
            num(after.info.week.hours));
    d.field("plan", "plan", "plan", "overhead", num(before.info.overhead),
            num(after.info.overhead));
    d.field("plan", "plan", "plan", "currency", before.info.currency.value_or("EUR"),
            after.info.currency.value_or("EUR"));
    d.field("plan", "plan", "plan", "budget", opt_num(before.info.budget),
            opt_num(after.info.budget));
    d.field("plan", "plan", "plan", "cost_loading", num(before.info.cost_loading),
            num(after.info.cost_loading));
    diff_people(d, before, after);
    diff_roles(d, before, after);
    diff_channels(d, before, after);
    diff_ownership(d, before, after);
    diff_goals(d, before, after);
    std::stable_sort(d.changes.begin(), d.changes.end(),
                     [](const PlanChange& x, const PlanChange& y) {
                         int ax = area_rank(x.area), ay = area_rank(y.area);
                         if (ax != ay)
                             return ax < ay;
                         if (x.subject != y.subject)
                             return x.subject < y.subject;
                         return x.field < y.field;
                     });
    return d.changes;
}

std::string describe(const PlanChange& c) {
    switch (c.kind) {
    case ChangeKind::added:
        return c.label + " added" + (c.after.empty() ? "" : " (" + c.after + ")");
    case ChangeKind::removed:
        return c.label + " removed" + (c.before.empty() ? "" : " (" + c.before + ")");
    case ChangeKind::changed:
        return c.label + ": " + c.field + " " + (c.before.empty() ? "—" : c.before) + " → " +
               (c.after.empty() ? "—" : c.after);
    }
    return {};
}

} // namespace planner
