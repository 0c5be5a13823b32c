// From the flow's minutes to the proposed plan: exclusive duties in one hand, no more
// Responsible people than thresholds.max_responsible where room allows, shares that add up.
#include "planner/rebalance/rebalance_internal.hpp"

namespace planner::rebalance_detail {

namespace {

// Shares of one duty in units of 1e-9 that add up to the rounded total: each part rounded down,
// the units left going to the largest remainders, people with room before people whose
// available minutes are full (so rounding never lifts them over), then by person rank.
// `left_units` is what the vacancies' shares leave of 1, in units: when the parts carry
// all of it, their shares add up to exactly that.
std::vector<int64_t> share_units(const std::vector<int64_t>& parts, const std::vector<bool>& full,
                                 int64_t duty_minutes, int64_t supply, int64_t left_units) {
    int64_t sum = 0;
    for (int64_t m : parts)
        sum += m;
    const int64_t target =
        sum >= supply
            ? left_units
            : std::min(left_units, (sum * k_share_units + duty_minutes / 2) / duty_minutes);
    std::vector<int64_t> units(parts.size());
    struct Remainder {
        bool full;
        int64_t remainder;
        size_t index;
    };
    std::vector<Remainder> remainders;
    int64_t given = 0;
    // Each part's units in proportion to its minutes, so that they add up to `target`.
    for (size_t i = 0; i < parts.size(); ++i) {
        units[i] = sum > 0 ? parts[i] * target / sum : 0;
        given += units[i];
        remainders.push_back({full[i], sum > 0 ? parts[i] * target % sum : 0, i});
    }
    std::sort(remainders.begin(), remainders.end(), [](const Remainder& a, const Remainder& b) {
        if (a.full != b.full)
            return !a.full;
        if (a.remainder != b.remainder)
            return a.remainder > b.remainder;
        return a.index < b.index;
    });
    for (size_t i = 0; given < target && i < remainders.size(); ++i, ++given)
        ++units[remainders[i].index];
    return units;
}

} // namespace

void Rebalancer::consolidate_exclusive(Minutes& minutes, std::vector<int64_t>& placed_on) const {
    const auto& duties = m_index.channel_duties();
    // Exclusive duties go whole to one person: the one with the most of them (ties: person
    // id) who has room for all of it; when nobody has, the duty stays split (COL001 warns)
    // rather than overloading someone.
    for (size_t d = 0; d < duties.size(); ++d) {
        const model::DutyInfo* info = m_index.duty(duties[d].duty);
        if (!info || !info->exclusive || m_duties[d].vacancy_minutes > 0)
            continue;
        std::vector<std::pair<size_t, int64_t>> parts;
        for (auto it = minutes.lower_bound({d, 0}); it != minutes.end() && it->first.first == d;
             ++it)
            if (it->second > 0)
                parts.emplace_back(it->first.second, it->second);
        if (parts.size() < 2)
            continue;
        int64_t total = 0;
        for (const auto& part : parts)
            total += part.second;
        std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second
                                        : m_people[a.first].rank < m_people[b.first].rank;
        });
        for (const auto& [n, m] : parts) {
            if (placed_on[n] - m + total > m_people[n].available)
                continue;
            for (const auto& [other, taken] : parts) {
                minutes[{d, other}] = other == n ? total : 0;
                placed_on[other] += (other == n ? total : 0) - taken;
            }
            break;
        }
    }
}

void Rebalancer::fold_small_parts(Minutes& minutes, std::vector<int64_t>& placed_on) const {
    const auto& duties = m_index.channel_duties();
    // More Responsible people on a duty than thresholds.max_responsible (LOAD005): fold the
    // smallest parts into the other people on it who have room for them.
    const size_t max_responsible =
        static_cast<size_t>(std::max(1, m_plan.info.thresholds.max_responsible));
    for (size_t d = 0; d < duties.size(); ++d) {
        std::vector<std::pair<size_t, int64_t>> parts;
        for (auto it = minutes.lower_bound({d, 0}); it != minutes.end() && it->first.first == d;
             ++it)
            if (it->second > 0)
                parts.emplace_back(it->first.second, it->second);
        size_t vacancies = 0;
        for (const auto& entry : m_before.duties[d].responsible) {
            const model::Person* person = m_index.person(entry.person);
            if (person && !model::is_active(*person))
                ++vacancies;
        }
        if (parts.size() + vacancies <= max_responsible)
            continue;
        std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second
                                        : m_people[a.first].rank > m_people[b.first].rank;
        });
        size_t count = parts.size() + vacancies;
        for (size_t i = 0; i < parts.size() && count > max_responsible; ++i) {
            const auto [from, m] = parts[i];
            // The other person on the duty with the most room that holds all of it.
            size_t best = from;
            int64_t best_room = -1;
            for (size_t j = i + 1; j < parts.size(); ++j) {
                const size_t to = parts[j].first;
                const int64_t room = m_people[to].available - placed_on[to];
                if (room >= m && room > best_room) {
                    best = to;
                    best_room = room;
                }
            }
            if (best == from)
                continue;
            minutes[{d, from}] = 0;
            minutes[{d, best}] += m;
            placed_on[from] -= m;
            placed_on[best] += m;
            for (size_t j = i + 1; j < parts.size(); ++j)
                if (parts[j].first == best)
                    parts[j].second += m;
            --count;
        }
    }
}

model::Plan Rebalancer::write_plan(const Minutes& minutes, const std::set<size_t>& rebalanced,
                                   RebalanceResult& result) const {
    const auto& duties = m_index.channel_duties();
    model::Plan proposed = m_plan;

    // Minutes placed on each person, to keep rounding off people who are full.
    std::vector<int64_t> placed(m_people.size(), 0);
    for (const auto& [key, m] : minutes)
        placed[key.second] += std::max<int64_t>(0, m);

    // The proposed Responsible assignments of each rebalanced duty, people by id.
    std::vector<std::vector<model::Assignment>> fresh(duties.size());
    for (size_t d : rebalanced) {
        std::vector<std::pair<size_t, int64_t>> parts; // people node (rank order), minutes
        for (auto it = minutes.lower_bound({d, 0}); it != minutes.end() && it->first.first == d;
             ++it)
            if (it->second > 0)
                parts.emplace_back(it->first.second, it->second);
        std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
            return m_people[a.first].rank < m_people[b.first].rank;
        });
        std::vector<int64_t> amounts;
        std::vector<bool> full;
        for (const auto& part : parts) {
            amounts.push_back(part.second);
            full.push_back(placed[part.first] >= m_people[part.first].available);
        }
        const int64_t left_units =
            k_share_units -
            static_cast<int64_t>(std::llround(m_duties[d].vacancy_share * k_share_units));
        const std::vector<int64_t> units =
            share_units(amounts, full, m_duties[d].minutes, m_duties[d].supply,
                        std::max<int64_t>(0, left_units));
        const bool whole = parts.size() == 1 && m_duties[d].vacancy_minutes == 0 &&
                           parts[0].second >= m_duties[d].minutes;
        for (size_t i = 0; i < parts.size(); ++i) {
            model::Assignment a;
            a.person = m_plan.people[m_people[parts[i].first].person].id;
            a.duty = duties[d].duty;
            a.channel = duties[d].channel;
            a.raci = model::Raci::R;
            if (!whole)
                a.share = static_cast<double>(units[i]) / static_cast<double>(k_share_units);
            result.parts.push_back(
                ProposedPart{d, a.person, parts[i].second, whole ? 1.0 : *a.share});
            fresh[d].push_back(std::move(a));
        }
    }

    // Which source assignments lose which duties.
    std::map<size_t, std::vector<size_t>> expanded_of; // source index -> channel duties
    for (const model::PlanIndex::Expanded& e : m_index.assignments()) {
        const model::ChannelDuty* cd =
            m_index.channel_duty(e.assignment.channel, e.assignment.duty);
        if (cd)
            expanded_of[e.source_index].push_back(static_cast<size_t>(cd - duties.data()));
    }

    std::vector<model::Assignment> out;
    std::vector<bool> emitted(duties.size(), false);
    auto emit = [&](size_t d) {
        if (emitted[d])
            return;
        emitted[d] = true;
        for (const model::Assignment& a : fresh[d])
            out.push_back(a);
    };
    for (size_t i = 0; i < m_plan.assignments.size(); ++i) {
        const model::Assignment& a = m_plan.assignments[i];
        const model::Person* person = m_index.person(a.person);
        const bool movable =
            a.raci == model::Raci::R && !a.backup && person && model::is_active(*person);
        auto it = expanded_of.find(i);
        if (!movable || it == expanded_of.end()) {
            out.push_back(a);
            continue;
        }
        std::vector<size_t> touched, untouched;
        for (size_t d : it->second)
            (rebalanced.count(d) ? touched : untouched).push_back(d);
        if (touched.empty()) {
            out.push_back(a);
            continue;
        }
        if (a.duty.str() == "all") {
            // The duties of `all` that keep their assignment, one by one.
            for (size_t d : untouched) {
                model::Assignment copy = a;
                copy.duty = duties[d].duty;
                out.push_back(std::move(copy));
            }
        }
        for (size_t d : touched)
            emit(d);
    }
    for (size_t d : rebalanced)
        emit(d);
    proposed.assignments = std::move(out);
    return proposed;
}

} // namespace planner::rebalance_detail
