#include "model/plan_binary.hpp"

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace planner::model {

namespace {
constexpr char k_magic[8] = {'P', 'L', 'N', 'M', 'O', 'D', 'E', 'L'};

// The largest value of each enum stored (decoding rejects anything beyond).
template <class E> constexpr int enum_limit();
template <> constexpr int enum_limit<GoalKind>() {
    return static_cast<int>(GoalKind::other);
}
template <> constexpr int enum_limit<Direction>() {
    return static_cast<int>(Direction::down);
}
template <> constexpr int enum_limit<Network>() {
    return static_cast<int>(Network::other);
}
template <> constexpr int enum_limit<PersonStatus>() {
    return static_cast<int>(PersonStatus::contractor);
}
template <> constexpr int enum_limit<Raci>() {
    return static_cast<int>(Raci::I);
}

struct Truncated {};

// One list of fields per type, shared by the encoder and the decoder so that the two can
// never disagree on the order. `io` is an Encoder or a Decoder; `T` is const when encoding.
#define PLANNER_FIELDS(Type, ...)                                                                  \
    template <class Io, class T>                                                                   \
    std::enable_if_t<std::is_same_v<std::remove_const_t<T>, Type>> fields_of(Io& io, T& v) {       \
        io.all(__VA_ARGS__);                                                                       \
    }

PLANNER_FIELDS(WorkWeek, v.hours, v.days, v.start, v.end)
PLANNER_FIELDS(Thresholds, v.overload, v.underuse, v.span_of_control, v.bus_factor,
               v.max_responsible, v.approval_steps, v.attainment_amber)
PLANNER_FIELDS(PlanInfo, v.name, v.organization, v.quarter, v.timezone, v.week, v.overhead,
               v.thresholds, v.currency, v.budget, v.cost_loading)
PLANNER_FIELDS(Kpi, v.id, v.metric, v.channel, v.target, v.direction, v.owner)
PLANNER_FIELDS(Goal, v.id, v.name, v.kind, v.priority, v.owner, v.channels, v.kpis)
PLANNER_FIELDS(Profile, v.id, v.handle, v.name)
PLANNER_FIELDS(ChannelWorkload, v.posts_per_week, v.hours_per_post, v.minutes_per_publish,
               v.minutes_per_approval, v.inbound_per_day, v.minutes_per_inbound,
               v.listening_hours_per_week, v.reporting_hours_per_week, v.ads_hours_per_week)
PLANNER_FIELDS(CareWindow, v.days, v.start, v.end, v.timezone, v.response_minutes, v.service_level)
PLANNER_FIELDS(Approval, v.required, v.steps)
PLANNER_FIELDS(Channel, v.id, v.network, v.name, v.profiles, v.workload, v.care, v.approval)
PLANNER_FIELDS(CustomDuty, v.id, v.name, v.hours_per_week, v.channel_bound, v.skills, v.exclusive)
PLANNER_FIELDS(Role, v.id, v.name, v.duties, v.skills, v.cost)
PLANNER_FIELDS(WorkingHours, v.days, v.start, v.end)
PLANNER_FIELDS(Absence, v.from, v.to, v.reason)
PLANNER_FIELDS(Person, v.id, v.name, v.status, v.roles, v.fte, v.capacity_hours, v.reports_to,
               v.timezone, v.hours, v.skills, v.interests, v.absences, v.cost, v.hourly_rate)
PLANNER_FIELDS(Assignment, v.person, v.duty, v.channel, v.profile, v.raci, v.share, v.backup)
PLANNER_FIELDS(Suppression, v.check, v.subject, v.reason)
PLANNER_FIELDS(Date, v.year, v.month, v.day)
PLANNER_FIELDS(Quarter, v.year, v.number)
PLANNER_FIELDS(Plan, v.version, v.info, v.goals, v.channels, v.duties, v.roles, v.people,
               v.assignments, v.suppressions)
#undef PLANNER_FIELDS

// A tripwire for the field lists above: adding a field to the model changes a type's size, and
// the build stops here until the field is added to its list (and k_plan_binary_format raised).
// Sizes of x86-64 with libstdc++, the platform this is built for; elsewhere no check.
#if defined(__x86_64__) && defined(__GLIBCXX__)
#define PLANNER_SIZE(Type, bytes)                                                                  \
    static_assert(sizeof(Type) == (bytes), "model field added or removed in " #Type                \
                                           ": update its PLANNER_FIELDS list, then this size")
PLANNER_SIZE(WorkWeek, 24);
PLANNER_SIZE(Thresholds, 40);
PLANNER_SIZE(PlanInfo, 256);
PLANNER_SIZE(Kpi, 96);
PLANNER_SIZE(Goal, 120);
PLANNER_SIZE(Profile, 88);
PLANNER_SIZE(ChannelWorkload, 72);
PLANNER_SIZE(CareWindow, 80);
PLANNER_SIZE(Approval, 8);
PLANNER_SIZE(Channel, 248);
PLANNER_SIZE(CustomDuty, 96);
PLANNER_SIZE(Role, 112);
PLANNER_SIZE(WorkingHours, 20);
PLANNER_SIZE(Absence, 64);
PLANNER_SIZE(Person, 288);
PLANNER_SIZE(Assignment, 80);
PLANNER_SIZE(Suppression, 104);
PLANNER_SIZE(Date, 12);
PLANNER_SIZE(Quarter, 8);
PLANNER_SIZE(Plan, 432);
#undef PLANNER_SIZE
#endif

class Encoder {
public:
    std::string bytes;

    template <class... T> void all(const T&... v) { (put(v), ...); }

    void put(const std::string& v) {
        put_size(v.size());
        bytes += v;
    }
    template <class Tag> void put(const Id<Tag>& v) { put(v.str()); }
    void put(double v) { raw(&v, sizeof v); }
    void put(int v) { raw(&v, sizeof v); }
    void put(bool v) { bytes += static_cast<char>(v ? 1 : 0); }
    void put(DaySet v) { bytes += static_cast<char>(v.bits()); }
    void put(TimeOfDay v) { put(v.minutes); }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void put(E v) {
        bytes += static_cast<char>(static_cast<int>(v));
    }
    template <class T> void put(const std::optional<T>& v) {
        put(v.has_value());
        if (v)
            put(*v);
    }
    template <class T> void put(const std::vector<T>& v) {
        put_size(v.size());
        for (const T& item : v)
            put(item);
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void put(const T& v) {
        fields_of(*this, v);
    }
    void put_size(size_t n) {
        auto v = static_cast<uint64_t>(n);
        raw(&v, sizeof v);
    }

private:
    void raw(const void* p, size_t n) { bytes.append(static_cast<const char*>(p), n); }
};

class Decoder {
public:
    explicit Decoder(std::string_view bytes) : m_bytes(bytes) {}
    bool at_end() const { return m_at == m_bytes.size(); }

    template <class... T> void all(T&... v) { (get(v), ...); }

    void get(std::string& v) {
        size_t n = get_size();
        v.assign(take(n), n);
    }
    template <class Tag> void get(Id<Tag>& v) {
        std::string text;
        get(text);
        v = Id<Tag>(std::move(text));
    }
    void get(double& v) { std::memcpy(&v, take(sizeof v), sizeof v); }
    void get(int& v) { std::memcpy(&v, take(sizeof v), sizeof v); }
    void get(bool& v) {
        auto byte = static_cast<unsigned char>(*take(1));
        if (byte > 1)
            throw Truncated{};
        v = byte == 1;
    }
    void get(DaySet& v) {
        auto bits = static_cast<unsigned char>(*take(1));
        if (bits > 0x7f)
            throw Truncated{};
        v = DaySet();
        for (int day = 0; day < 7; ++day)
            if (bits & (1u << day))
                v.add(static_cast<Weekday>(day));
    }
    void get(TimeOfDay& v) { get(v.minutes); }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void get(E& v) {
        int value = static_cast<unsigned char>(*take(1));
        if (value > enum_limit<E>())
            throw Truncated{};
        v = static_cast<E>(value);
    }
    template <class T> void get(std::optional<T>& v) {
        bool present = false;
        get(present);
        if (!present) {
            v.reset();
            return;
        }
        T value{};
        get(value);
        v = std::move(value);
    }
    template <class T> void get(std::vector<T>& v) {
        size_t n = get_size();
        v.clear();
        // Each item takes at least a byte of the blob; a damaged count must not reserve
        // gigabytes, so the reservation is capped too (the vector grows past it if need be).
        v.reserve(std::min({n, m_bytes.size() - m_at, size_t{4096}}));
        for (size_t i = 0; i < n; ++i) {
            v.emplace_back();
            get(v.back());
        }
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void get(T& v) {
        fields_of(*this, v);
    }
    size_t get_size() {
        uint64_t n = 0;
        std::memcpy(&n, take(sizeof n), sizeof n);
        if (n > m_bytes.size() - m_at)
            throw Truncated{};
        return static_cast<size_t>(n);
    }
    const char* take(size_t n) {
        if (n > m_bytes.size() - m_at)
            throw Truncated{};
        const char* p = m_bytes.data() + m_at;
        m_at += n;
        return p;
    }

private:
    std::string_view m_bytes;
    size_t m_at = 0;
};
} // namespace

std::string encode_plan(const Plan& plan) {
    Encoder encoder;
    encoder.bytes.append(k_magic, sizeof k_magic);
    uint32_t format = k_plan_binary_format;
    encoder.bytes.append(reinterpret_cast<const char*>(&format), sizeof format);
    encoder.put(plan);
    return std::move(encoder.bytes);
}

std::optional<Plan> decode_plan(std::string_view bytes) {
    if (bytes.size() < sizeof k_magic + sizeof(uint32_t) ||
        std::memcmp(bytes.data(), k_magic, sizeof k_magic) != 0)
        return std::nullopt;
    uint32_t format = 0;
    std::memcpy(&format, bytes.data() + sizeof k_magic, sizeof format);
    if (format != k_plan_binary_format)
        return std::nullopt;
    Decoder decoder(bytes.substr(sizeof k_magic + sizeof format));
    Plan plan;
    try {
        decoder.get(plan);
    } catch (const Truncated&) {
        return std::nullopt;
    } catch (const std::bad_alloc&) {
        return std::nullopt; // a damaged length: the YAML is read instead
    } catch (const std::length_error&) {
        return std::nullopt;
    }
    if (!decoder.at_end())
        return std::nullopt;
    return plan;
}

} // namespace planner::model
