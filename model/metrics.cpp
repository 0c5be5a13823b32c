#include "model/metrics.hpp"

#include "model/suggest.hpp"

#include <map>
#include <tuple>
#include <utility>

namespace planner::model {

namespace {

struct MetricInfo {
    Metric metric;
    std::string_view name;
    MetricKind kind;
};

constexpr MetricInfo k_metrics[] = {
    {Metric::impressions, "impressions", MetricKind::flow},
    {Metric::reach, "reach", MetricKind::flow},
    {Metric::engagements, "engagements", MetricKind::flow},
    {Metric::clicks, "clicks", MetricKind::flow},
    {Metric::video_views, "video_views", MetricKind::flow},
    {Metric::posts, "posts", MetricKind::flow},
    {Metric::followers, "followers", MetricKind::level},
    {Metric::followers_gained, "followers_gained", MetricKind::flow},
    {Metric::inbound, "inbound", MetricKind::flow},
    {Metric::replies, "replies", MetricKind::flow},
    {Metric::response_minutes, "response_minutes", MetricKind::level},
    {Metric::spend, "spend", MetricKind::flow},
    {Metric::conversions, "conversions", MetricKind::flow},
    {Metric::revenue, "revenue", MetricKind::flow},
    {Metric::engagement_rate, "engagement_rate", MetricKind::derived},
    {Metric::ctr, "ctr", MetricKind::derived},
    {Metric::follower_growth, "follower_growth", MetricKind::derived},
    {Metric::response_rate, "response_rate", MetricKind::derived},
    {Metric::cost_per_conversion, "cost_per_conversion", MetricKind::derived},
    {Metric::roi, "roi", MetricKind::derived},
};

const MetricInfo& info(Metric metric) {
    return k_metrics[static_cast<size_t>(metric)];
}

using SeriesKey = std::pair<std::string, std::string>; // channel, profile

bool in_period(const MetricValue& value, const Date& from, const Date& to) {
    return from <= value.date && value.date <= to;
}

std::optional<double> sum(const std::vector<MetricValue>& values, Metric metric, const Date& from,
                          const Date& to) {
    std::optional<double> total;
    for (const MetricValue& value : values)
        if (value.metric == metric && in_period(value, from, to))
            total = total.value_or(0) + value.value;
    return total;
}

// For each series the value of its first (or last) day in the period, summed.
std::optional<double> edge_level(const std::vector<MetricValue>& values, Metric metric,
                                 const Date& from, const Date& to, bool latest) {
    std::map<SeriesKey, const MetricValue*> chosen;
    for (const MetricValue& value : values) {
        if (value.metric != metric || !in_period(value, from, to))
            continue;
        const MetricValue*& slot = chosen[{value.channel, value.profile}];
        if (!slot || (latest ? !(value.date < slot->date) : value.date < slot->date))
            slot = &value;
    }
    if (chosen.empty())
        return std::nullopt;
    double total = 0;
    for (const auto& entry : chosen)
        total += entry.second->value;
    return total;
}

std::optional<double> weighted_response_minutes(const std::vector<MetricValue>& values,
                                                const Date& from, const Date& to) {
    using DayKey = std::tuple<int64_t, std::string, std::string>;
    std::map<DayKey, double> replies;
    for (const MetricValue& value : values)
        if (value.metric == Metric::replies && in_period(value, from, to))
            replies[{days_since_epoch(value.date), value.channel, value.profile}] += value.value;
    double weighted = 0, weights = 0, plain = 0;
    size_t count = 0;
    for (const MetricValue& value : values) {
        if (value.metric != Metric::response_minutes || !in_period(value, from, to))
            continue;
        auto found = replies.find({days_since_epoch(value.date), value.channel, value.profile});
        double weight = found == replies.end() ? 0 : found->second;
        weighted += value.value * weight;
        weights += weight;
        plain += value.value;
        ++count;
    }
    if (count == 0)
        return std::nullopt;
    return weights > 0 ? weighted / weights : plain / static_cast<double>(count);
}

std::optional<double> ratio(std::optional<double> numerator, std::optional<double> denominator) {
    if (!numerator || !denominator || *denominator == 0)
        return std::nullopt;
    return *numerator / *denominator;
}

} // namespace

std::string_view metric_name(Metric metric) {
    return info(metric).name;
}

std::optional<Metric> metric_from_name(std::string_view name) {
    for (const MetricInfo& entry : k_metrics)
        if (entry.name == name)
            return entry.metric;
    return std::nullopt;
}

MetricKind metric_kind(Metric metric) {
    return info(metric).kind;
}

std::string_view metric_kind_name(MetricKind kind) {
    switch (kind) {
    case MetricKind::flow:
        return "flow";
    case MetricKind::level:
        return "level";
    case MetricKind::derived:
        return "derived";
    }
    return "flow";
}

const std::vector<Metric>& all_metrics() {
    static const std::vector<Metric> metrics = [] {
        std::vector<Metric> list;
        for (const MetricInfo& entry : k_metrics)
            list.push_back(entry.metric);
        return list;
    }();
    return metrics;
}

std::string nearest_metric_name(std::string_view misspelt) {
    std::vector<std::string> names;
    for (const MetricInfo& entry : k_metrics)
        names.emplace_back(entry.name);
    return nearest(std::string(misspelt), names);
}

std::string MetricReadResult::error_text() const {
    std::string text;
    for (const Diagnostic& error : errors)
        text += error.to_string() + "\n";
    return text;
}

std::optional<double> aggregate(const std::vector<MetricValue>& values, Metric metric,
                                const Date& from, const Date& to) {
    auto total = [&](Metric m) { return sum(values, m, from, to); };
    switch (metric) {
    case Metric::followers:
        return edge_level(values, metric, from, to, true);
    case Metric::response_minutes:
        return weighted_response_minutes(values, from, to);
    case Metric::engagement_rate:
        return ratio(total(Metric::engagements), total(Metric::impressions));
    case Metric::ctr:
        return ratio(total(Metric::clicks), total(Metric::impressions));
    case Metric::response_rate:
        return ratio(total(Metric::replies), total(Metric::inbound));
    case Metric::cost_per_conversion:
        return ratio(total(Metric::spend), total(Metric::conversions));
    case Metric::roi: {
        std::optional<double> revenue = total(Metric::revenue);
        std::optional<double> spend = total(Metric::spend);
        if (!revenue)
            return std::nullopt;
        return ratio(*revenue - spend.value_or(0), spend);
    }
    case Metric::follower_growth: {
        std::optional<double> growth =
            ratio(edge_level(values, Metric::followers, from, to, true),
                  edge_level(values, Metric::followers, from, to, false));
        if (!growth)
            return std::nullopt;
        return *growth - 1;
    }
    default:
        return total(metric);
    }
}

} // namespace planner::model
