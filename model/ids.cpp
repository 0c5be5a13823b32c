#include "model/ids.hpp"

#include <deque>
#include <mutex>
#include <vector>

namespace planner::model::id_detail {

namespace {

// Every id text seen, and an open-addressing hash set over them (16 bytes an id at most half
// full, where a node-based map took 56): a plan of a million people has a million and a half
// ids.
class Table {
public:
    const Text* intern(std::string_view text) {
        const size_t hash = std::hash<std::string_view>()(text); // as std::hash<std::string>
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_slots.empty())
            m_slots.resize(1024, nullptr);
        size_t at = find(text, hash);
        if (m_slots[at] != nullptr)
            return m_slots[at];
        if ((m_count + 1) * 2 > m_slots.size()) {
            grow();
            at = find(text, hash);
        }
        Text& added = m_texts.emplace_back();
        added.text.assign(text);
        added.hash = hash;
        m_slots[at] = &added;
        ++m_count;
        return &added;
    }

private:
    // The slot holding `text`, or the empty slot where it goes.
    size_t find(std::string_view text, size_t hash) const {
        const size_t mask = m_slots.size() - 1;
        for (size_t at = hash & mask;; at = (at + 1) & mask) {
            const Text* slot = m_slots[at];
            if (slot == nullptr || (slot->hash == hash && slot->text == text))
                return at;
        }
    }
    void grow() {
        std::vector<const Text*> old(m_slots.size() * 2, nullptr);
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (const Text* text : old) {
            if (text == nullptr)
                continue;
            size_t at = text->hash & mask;
            while (m_slots[at] != nullptr)
                at = (at + 1) & mask;
            m_slots[at] = text;
        }
    }

    std::mutex m_mutex;
    std::deque<Text> m_texts; // stable addresses
    std::vector<const Text*> m_slots;
    size_t m_count = 0;
};

Table& table() {
    // Never destroyed: ids in static objects may be read while the process exits.
    static Table* const instance = new Table;
    return *instance;
}

} // namespace

const Text* intern(std::string_view text) {
    if (text.empty())
        return nullptr;
    return table().intern(text);
}

const std::string& empty_text() {
    static const std::string* const empty = new std::string;
    return *empty;
}

} // namespace planner::model::id_detail
