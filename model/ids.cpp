#include "model/ids.hpp"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace planner::model::id_detail {

namespace {

struct Table {
    std::mutex mutex;
    std::deque<Text> texts;                                    // stable addresses
    std::unordered_map<std::string_view, const Text*> by_text; // keys view into `texts`
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
    Table& t = table();
    std::lock_guard<std::mutex> lock(t.mutex);
    auto found = t.by_text.find(text);
    if (found != t.by_text.end())
        return found->second;
    Text& added = t.texts.emplace_back();
    added.text.assign(text);
    added.hash = std::hash<std::string>()(added.text);
    t.by_text.emplace(std::string_view(added.text), &added);
    return &added;
}

const std::string& empty_text() {
    static const std::string* const empty = new std::string;
    return *empty;
}

} // namespace planner::model::id_detail
