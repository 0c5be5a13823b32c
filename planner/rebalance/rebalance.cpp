#include "planner/rebalance/rebalance.hpp"

#include "planner/rebalance/rebalance_internal.hpp"

namespace planner {

namespace rebalance_detail {

using model::PlanIndex;

void Rebalancer::build_nodes() {
    const auto& duties = m_index.channel_duties();

    // Channel ranks by id ("" for duties that are not channel-bound comes first).
    std::set<std::string> channel_ids;
    for (const auto& cd : duties)
        channel_ids.insert(cd.channel ? cd.channel->str() : "");
    std::map<std::string, int> channel_rank;
    for (const std::string& id : channel_ids)
        channel_rank.emplace(id, static_cast<int>(channel_rank.size()));
    m_channel_count = static_cast<int64_t>(channel_rank.size()) + 1;

    m_duties.resize(duties.size());
    int node = 2;
    for (size_t d = 0; d < duties.size(); ++d) {
        m_duties[d].minutes = to_minutes(duties[d].hours);
        m_duties[d].node = node++;
        m_duties[d].channel_rank = channel_rank[duties[d].channel ? duties[d].channel->str() : ""];
    }

    // People who can take work: active or leaving, with a role that performs some duty.
    std::vector<size_t> order(m_plan.people.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return m_plan.people[a].id < m_plan.people[b].id; });
    std::vector<int> rank(m_plan.people.size());
    for (size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = static_cast<int>(r);

    m_person_node_of.assign(m_plan.people.size(), -1);
    for (size_t i : order) {
        const model::Person& person = m_plan.people[i];
        if (!model::is_active(person))
            continue;
        std::set<std::string> performed;
        for (const model::RoleId& id : person.roles)
            if (const model::Role* role = m_index.role(id))
                for (const model::DutyId& duty : role->duties)
                    performed.insert(duty.str());
        if (performed.empty())
            continue;
        PersonNode p;
        p.person = i;
        p.rank = rank[i];
        p.leaving = person.status == model::PersonStatus::leaving;
        const double available = m_before.people[i].available_hours;
        p.available =
            std::max<int64_t>(0, static_cast<int64_t>(std::floor(available * 60.0 + 1e-6)));
        m_person_node_of[i] = static_cast<int>(m_people.size());
        for (const std::string& duty : performed)
            m_eligible[duty].push_back(m_people.size());
        m_people.push_back(p);
    }
    for (PersonNode& p : m_people)
        p.node = node++;

    // Minutes carried today per duty and person, rounded so that they add up to the duty's
    // rounded total (largest remainders); vacancies' minutes stay theirs.
    std::vector<std::vector<std::pair<size_t, double>>> exact(duties.size()); // person, minutes
    for (size_t i = 0; i < m_plan.people.size(); ++i)
        for (const LoadItem& item : m_before.people[i].items)
            exact[item.duty_index].emplace_back(i, item.hours * 60.0);
    m_carried.assign(duties.size(), {});
    m_current.assign(duties.size(), {});
    m_rounded_down.assign(duties.size(), {});
    for (size_t d = 0; d < duties.size(); ++d) {
        std::map<size_t, double> by_person;
        double sum = 0;
        for (const auto& [i, minutes] : exact[d]) {
            by_person[i] += minutes;
            sum += minutes;
        }
        std::map<size_t, int64_t> rounded;
        std::vector<std::pair<double, size_t>> remainders;
        int64_t given = 0;
        for (const auto& [i, minutes] : by_person) {
            const int64_t whole = static_cast<int64_t>(std::floor(minutes + 1e-9));
            rounded[i] = whole;
            given += whole;
            remainders.emplace_back(-(minutes - static_cast<double>(whole)), i);
        }
        std::sort(remainders.begin(), remainders.end());
        const int64_t target = static_cast<int64_t>(std::llround(sum));
        for (size_t k = 0; given < target && k < remainders.size(); ++k, ++given)
            ++rounded[remainders[k].second];
        for (const auto& [i, minutes] : by_person)
            if (!model::is_active(m_plan.people[i]) && duties[d].hours > 0)
                m_duties[d].vacancy_share += minutes / 60.0 / duties[d].hours;
        for (const auto& [i, minutes] : rounded) {
            const bool rounded_down = by_person[i] > static_cast<double>(minutes) + 1e-9;
            if (!model::is_active(m_plan.people[i])) {
                m_duties[d].vacancy_minutes += minutes;
                continue;
            }
            m_current[d][i] = minutes;
            const int n = m_person_node_of[i];
            if (n < 0)
                continue;
            const auto& eligible = m_eligible[duties[d].duty.str()];
            if (!std::binary_search(eligible.begin(), eligible.end(), static_cast<size_t>(n)))
                continue; // carried outside the person's roles: the flow places it again
            m_carried[d][static_cast<size_t>(n)] += minutes;
            if (rounded_down)
                m_rounded_down[d].insert(static_cast<size_t>(n));
        }
    }
    int64_t total = 0;
    for (DutyNode& d : m_duties) {
        d.supply = std::max<int64_t>(0, d.minutes - d.vacancy_minutes);
        total += d.supply;
    }
    m_infinite = total + 1;

    // A duty that ends up unchanged keeps its written shares, whose exact minutes may lie up
    // to one minute above the rounded ones: keep that minute free per duty whose minutes were
    // rounded down, so that the proposal never lifts anyone over their available hours.
    {
        std::vector<int64_t> carried_duties(m_people.size(), 0);
        for (const auto& per_duty : m_rounded_down)
            for (size_t n : per_duty)
                ++carried_duties[n];
        for (size_t n = 0; n < m_people.size(); ++n)
            m_people[n].available = std::max<int64_t>(0, m_people[n].available - carried_duties[n]);
    }

    // Commit what people carry today within their available minutes (cost 0), in plan order
    // of people and channel-duty order of their work. The flow can move it again through
    // `release` arcs, so the commitment changes no optimum; it only shortens the search.
    m_committed.assign(duties.size(), {});
    std::vector<int64_t> left(duties.size());
    for (size_t d = 0; d < duties.size(); ++d)
        left[d] = m_duties[d].supply;
    std::vector<size_t> by_plan_order(m_people.size());
    for (size_t n = 0; n < m_people.size(); ++n)
        by_plan_order[n] = n;
    std::sort(by_plan_order.begin(), by_plan_order.end(),
              [&](size_t a, size_t b) { return m_people[a].person < m_people[b].person; });
    std::vector<std::vector<std::pair<size_t, int64_t>>> carried_by_person(m_people.size());
    for (size_t d = 0; d < duties.size(); ++d)
        for (const auto& [n, minutes] : m_carried[d])
            carried_by_person[n].emplace_back(d, minutes);
    for (size_t n : by_plan_order) {
        PersonNode& p = m_people[n];
        int64_t room = p.available;
        for (const auto& [d, minutes] : carried_by_person[n]) {
            const int64_t k = std::min({minutes, room, left[d]});
            if (k <= 0)
                continue;
            m_committed[d][n] = k;
            room -= k;
            left[d] -= k;
            p.committed += k;
        }
    }

    // Tie-breaks must never outweigh a real cost difference: any cycle of the network holds
    // at most `nodes` tie-broken arcs, each below (people + 1) x channels + 1. Every path
    // weight must stay exact in doubles (below 2^53): for large plans the tie-break falls
    // back to the person id alone, and for huge ones to the order the arcs are added in
    // (people and channels by id), which is deterministic too.
    const int64_t nodes = static_cast<int64_t>(node) + 1;
    const int64_t people = static_cast<int64_t>(m_plan.people.size()) + 1;
    const double max_real =
        static_cast<double>(std::max(m_costs.unstaffed, m_costs.heavy_overtime) * 4);
    auto fits = [&](int64_t scale) { return static_cast<double>(scale) * max_real <= 1e15; };
    m_scale = nodes * (people * m_channel_count + 1) + 1;
    if (!fits(m_scale)) {
        m_channel_count = 1; // tie = 1 + person rank (+ 0: channel_rank is ignored below)
        m_tie_by_channel = false;
        m_scale = nodes * (people + 1) + 1;
        if (!fits(m_scale))
            m_scale = 0;
    }
}

int64_t Rebalancer::real_cost(size_t person_node, size_t duty) const {
    const auto& cd = m_index.channel_duties()[duty];
    if (m_carried[duty].count(person_node))
        return m_costs.carried_today;
    const model::Person& person = m_plan.people[m_people[person_node].person];
    int64_t cost = m_costs.new_assignment;
    if (cd.channel && !person.interests.empty()) {
        const model::Channel* channel = m_index.channel(*cd.channel);
        const bool interested =
            contains(person.interests, cd.channel->str()) ||
            (channel &&
             contains(person.interests, std::string(model::to_string(channel->network))));
        if (!interested)
            cost += m_costs.outside_interests;
    }
    // Required skills: the duty's and those of the person's roles that perform it.
    std::set<std::string> required;
    if (const model::DutyInfo* info = m_index.duty(cd.duty))
        required.insert(info->skills.begin(), info->skills.end());
    for (const model::RoleId& id : person.roles)
        if (const model::Role* role = m_index.role(id))
            if (std::find(role->duties.begin(), role->duties.end(), cd.duty) != role->duties.end())
                required.insert(role->skills.begin(), role->skills.end());
    for (const std::string& skill : required)
        if (!contains(person.skills, skill))
            cost += m_costs.missing_skill;
    return cost;
}

int64_t Rebalancer::tie_break(size_t person_node, size_t duty) const {
    return 1 + static_cast<int64_t>(m_people[person_node].rank) * m_channel_count +
           (m_tie_by_channel ? m_duties[duty].channel_rank : 0);
}

void Rebalancer::choose_initial_candidates() {
    const auto& duties = m_index.channel_duties();
    m_candidates.assign(duties.size(), {});
    std::vector<int64_t> spare(m_people.size());
    for (size_t n = 0; n < m_people.size(); ++n)
        spare[n] = m_people[n].available - m_people[n].committed;
    for (size_t d = 0; d < duties.size(); ++d) {
        for (const auto& entry : m_carried[d])
            m_candidates[d].insert(entry.first);
        int64_t need = m_duties[d].supply;
        for (const auto& entry : m_committed[d])
            need -= entry.second;
        if (need <= 0)
            continue;
        auto it = m_eligible.find(duties[d].duty.str());
        if (it == m_eligible.end())
            continue;
        // Greedy by (cost, person id) over people with room: close to the optimum, so the
        // pricing rounds that follow add few arcs.
        std::vector<std::pair<int64_t, size_t>> ranked;
        for (size_t n : it->second)
            if (!m_carried[d].count(n) && !m_people[n].leaving)
                ranked.emplace_back(real_cost(n, d), n);
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first
                                      : m_people[a.second].rank < m_people[b.second].rank;
        });
        int extra = 2;
        for (const auto& [cost, n] : ranked) {
            if (spare[n] <= 0)
                continue;
            m_candidates[d].insert(n);
            if (need > 0) {
                const int64_t take = std::min(need, spare[n]);
                spare[n] -= take;
                need -= take;
            } else if (--extra <= 0) {
                break;
            }
        }
        // Nobody with room: the cheapest few, for overtime.
        for (size_t i = 0; i < ranked.size() && i < 3; ++i)
            m_candidates[d].insert(ranked[i].second);
    }
}

FlowNetwork Rebalancer::build_network(std::vector<ArcInfo>& infos) const {
    FlowNetwork network;
    network.nodes = 2 + static_cast<int>(m_duties.size() + m_people.size());
    network.source = 0;
    network.sink = 1;
    infos.clear();
    auto add = [&](int from, int to, int64_t capacity, int64_t weight, ArcInfo info) {
        if (capacity <= 0)
            return;
        network.arcs.push_back(FlowArc{from, to, capacity, weight});
        infos.push_back(info);
    };
    const int64_t scale = std::max<int64_t>(m_scale, 1);
    for (size_t d = 0; d < m_duties.size(); ++d) {
        const DutyNode& duty = m_duties[d];
        int64_t committed = 0;
        for (const auto& entry : m_committed[d])
            committed += entry.second;
        add(0, duty.node, duty.supply - committed, 0, {ArcKind::supply, d, 0});
        // Candidates in rank order (std::set of node indices; nodes are created in id order).
        for (size_t n : m_candidates[d]) {
            const PersonNode& p = m_people[n];
            auto carried = m_carried[d].find(n);
            auto kept = m_committed[d].find(n);
            const int64_t committed_here = kept == m_committed[d].end() ? 0 : kept->second;
            if (carried != m_carried[d].end())
                add(duty.node, p.node, carried->second - committed_here, 0, {ArcKind::keep, d, n});
            const int64_t tie = m_scale > 0 ? tie_break(n, d) : 0;
            if (!p.leaving)
                add(duty.node, p.node, duty.supply, real_cost(n, d) * scale + tie,
                    {ArcKind::assign, d, n});
            add(p.node, duty.node, committed_here, 0, {ArcKind::release, d, n});
        }
        add(duty.node, 1, m_infinite, m_costs.unstaffed * scale, {ArcKind::unstaffed, d, 0});
    }
    const double limit = 1.25 * m_plan.info.thresholds.overload - 1.0;
    for (size_t n = 0; n < m_people.size(); ++n) {
        const PersonNode& p = m_people[n];
        add(p.node, 1, p.available - p.committed, 0, {ArcKind::available, 0, n});
        if (p.available <= 0)
            continue; // no overtime for someone with no available hours
        // One minute below the error level, so that rounding shares cannot cross it.
        const int64_t ordinary = std::max<int64_t>(
            0, static_cast<int64_t>(std::floor(p.available * std::max(0.0, limit))) - 1);
        add(p.node, 1, ordinary, m_costs.overtime * scale, {ArcKind::overtime, 0, n});
        add(p.node, 1, m_infinite, m_costs.heavy_overtime * scale, {ArcKind::heavy_overtime, 0, n});
    }
    return network;
}

// Adds the arcs whose reduced cost is negative under the potentials of the current optimum;
// true when it added any (the optimum over all arcs may then be cheaper).
bool Rebalancer::price(const FlowNetwork& network, const std::vector<int64_t>& flow) {
    const std::vector<int64_t> potential = residual_potentials(network, flow);
    const auto& duties = m_index.channel_duties();
    const int64_t scale = std::max<int64_t>(m_scale, 1);
    bool added = false;
    for (size_t d = 0; d < duties.size(); ++d) {
        if (m_duties[d].supply <= 0)
            continue;
        auto it = m_eligible.find(duties[d].duty.str());
        if (it == m_eligible.end())
            continue;
        const int64_t pd = potential[static_cast<size_t>(m_duties[d].node)];
        for (size_t n : it->second) {
            if (m_candidates[d].count(n) || m_people[n].leaving)
                continue;
            const int64_t pp = potential[static_cast<size_t>(m_people[n].node)];
            // Cheap bound first: a non-candidate carries nothing today, so its arc weighs at
            // least new_assignment x scale.
            if (m_costs.new_assignment * scale + pd - pp >= 0)
                continue;
            const int64_t tie = m_scale > 0 ? tie_break(n, d) : 0;
            if (real_cost(n, d) * scale + tie + pd - pp < 0) {
                m_candidates[d].insert(n);
                added = true;
            }
        }
    }
    return added;
}

RebalanceResult Rebalancer::run() {
    RebalanceResult result;
    const auto& duties = m_index.channel_duties();
    build_nodes();
    choose_initial_candidates();

    std::vector<ArcInfo> infos;
    FlowNetwork network;
    std::vector<int64_t> flow;
    for (int round = 0; round < k_max_rounds; ++round) {
        network = build_network(infos);
        flow = solve_min_cost_flow(network);
        result.flow_rounds = round + 1;
        if (!price(network, flow))
            break;
    }

    // Read the flow back: minutes per (duty, people node).
    Minutes minutes;
    for (size_t d = 0; d < duties.size(); ++d)
        for (const auto& [n, k] : m_committed[d])
            minutes[{d, n}] += k;
    std::vector<int64_t> unstaffed(duties.size(), 0);
    std::vector<int64_t> overtime(m_people.size(), 0);
    const int64_t scale = std::max<int64_t>(m_scale, 1);
    double cost_units = 0;
    for (size_t i = 0; i < infos.size(); ++i) {
        const ArcInfo& info = infos[i];
        const int64_t f = flow[i];
        if (f == 0)
            continue;
        cost_units += static_cast<double>(f) * static_cast<double>(network.arcs[i].weight / scale);
        switch (info.kind) {
        case ArcKind::keep:
        case ArcKind::assign:
            minutes[{info.duty, info.person}] += f;
            break;
        case ArcKind::release:
            minutes[{info.duty, info.person}] -= f;
            break;
        case ArcKind::unstaffed:
            unstaffed[info.duty] += f;
            break;
        case ArcKind::overtime:
        case ArcKind::heavy_overtime:
            overtime[info.person] += f;
            break;
        default:
            break;
        }
    }
    result.cost = cost_units / 60.0;

    std::vector<int64_t> placed_on(m_people.size(), 0);
    for (const auto& [key, m] : minutes)
        placed_on[key.second] += std::max<int64_t>(0, m);
    consolidate_exclusive(minutes, placed_on);
    fold_small_parts(minutes, placed_on);

    std::set<size_t> rebalanced;
    for (size_t d = 0; d < duties.size(); ++d) {
        if (m_duties[d].supply <= 0)
            continue; // vacancies carry it all: as planned
        int64_t placed = 0;
        for (auto it = minutes.lower_bound({d, 0}); it != minutes.end() && it->first.first == d;
             ++it)
            placed += std::max<int64_t>(0, it->second);
        if (placed == 0) {
            result.kept_duties.push_back(d);
            continue;
        }
        // A duty whose people keep exactly their minutes keeps its assignments as written.
        std::map<size_t, int64_t> proposed;
        for (auto it = minutes.lower_bound({d, 0}); it != minutes.end() && it->first.first == d;
             ++it)
            if (it->second > 0)
                proposed[m_people[it->first.second].person] = it->second;
        std::map<size_t, int64_t> current;
        for (const auto& [i, m] : m_current[d])
            if (m > 0)
                current[i] = m;
        if (proposed != current)
            rebalanced.insert(d);
    }
    result.proposed = write_plan(minutes, rebalanced, result);

    // Before and after.
    const PlanIndex after_index(result.proposed);
    const Workload after = compute_workload(after_index);
    const double threshold = m_plan.info.thresholds.overload;
    for (size_t i = 0; i < m_plan.people.size(); ++i) {
        PersonBalance row;
        row.person = m_plan.people[i].id;
        row.status = m_plan.people[i].status;
        row.available_hours = m_before.people[i].available_hours;
        row.load_before = m_before.people[i].load_hours;
        row.utilisation_before = m_before.people[i].utilisation;
        row.load_after = after.people[i].load_hours;
        row.utilisation_after = after.people[i].utilisation;
        const int n = m_person_node_of[i];
        if (n >= 0)
            row.overtime_hours = static_cast<double>(overtime[static_cast<size_t>(n)]) / 60.0;
        if (overloaded(row.utilisation_before, threshold))
            ++result.overloaded_before;
        if (overloaded(row.utilisation_after, threshold))
            ++result.overloaded_after;
        result.overtime_hours += row.overtime_hours;
        result.people.push_back(row);
    }

    // Hiring need per role: unstaffed minutes of a duty split equally among the roles that
    // perform it; a person's overtime split equally among their roles.
    std::map<std::string, RoleNeed> needs;
    for (size_t d = 0; d < duties.size(); ++d) {
        if (unstaffed[d] == 0)
            continue;
        const double hours = static_cast<double>(unstaffed[d]) / 60.0;
        result.unstaffed_hours += hours;
        std::vector<std::string> roles;
        for (const model::Role& role : m_plan.roles)
            if (std::find(role.duties.begin(), role.duties.end(), duties[d].duty) !=
                role.duties.end())
                roles.push_back(role.id.str());
        if (roles.empty())
            roles.push_back("unroled");
        for (const std::string& role : roles) {
            needs[role].role = role;
            needs[role].unstaffed_hours += hours / static_cast<double>(roles.size());
        }
    }
    for (size_t n = 0; n < m_people.size(); ++n) {
        if (overtime[n] == 0)
            continue;
        const model::Person& person = m_plan.people[m_people[n].person];
        std::vector<std::string> roles;
        for (const model::RoleId& id : person.roles)
            if (m_index.role(id))
                roles.push_back(id.str());
        for (const std::string& role : roles) {
            needs[role].role = role;
            needs[role].overtime_hours +=
                static_cast<double>(overtime[n]) / 60.0 / static_cast<double>(roles.size());
        }
    }
    for (const model::Role& role : m_plan.roles) {
        auto it = needs.find(role.id.str());
        if (it != needs.end())
            result.needs.push_back(it->second);
    }
    if (needs.count("unroled"))
        result.needs.push_back(needs["unroled"]);
    return result;
}

} // namespace rebalance_detail

RebalanceResult compute_rebalance(const PlanFacts& facts, const RebalanceCosts& costs) {
    rebalance_detail::Rebalancer rebalancer(facts, costs);
    return rebalancer.run();
}

RebalanceResult compute_rebalance(const model::Plan& plan, const RebalanceCosts& costs) {
    const PlanFacts facts(plan);
    return compute_rebalance(facts, costs);
}

} // namespace planner
