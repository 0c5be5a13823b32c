// Erlang B and C against values computed by hand.
#include "planner/staffing/erlang.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace planner;

TEST_CASE("erlang: B by the recursion, A = 2", "[erlang]") {
    // B(0) = 1
    // B(1) = 2 x 1 / (1 + 2 x 1)         = 2/3
    // B(2) = 2 x 2/3 / (2 + 2 x 2/3)     = (4/3) / (10/3) = 0.4
    // B(3) = 2 x 0.4 / (3 + 0.8)         = 0.8 / 3.8 = 4/19
    // B(4) = 2 x 4/19 / (4 + 8/19)       = (8/19) / (84/19) = 2/21
    CHECK(erlang_b(0, 2.0) == 1.0);
    CHECK(erlang_b(1, 2.0) == Approx(2.0 / 3.0));
    CHECK(erlang_b(2, 2.0) == Approx(0.4));
    CHECK(erlang_b(3, 2.0) == Approx(4.0 / 19.0));
    CHECK(erlang_b(4, 2.0) == Approx(2.0 / 21.0));
}

TEST_CASE("erlang: C and the service level, A = 2", "[erlang]") {
    // C(N, A) = N B / (N - A (1 - B))
    // C(3, 2) = 3 x 4/19 / (3 - 2 x 15/19) = (12/19) / (27/19) = 4/9
    // C(4, 2) = 4 x 2/21 / (4 - 2 x 19/21) = (8/21) / (46/21)  = 4/23
    CHECK(erlang_c(3, 2.0) == Approx(4.0 / 9.0));
    CHECK(erlang_c(4, 2.0) == Approx(4.0 / 23.0));
    // N <= A: everyone waits.
    CHECK(erlang_c(2, 2.0) == 1.0);
    CHECK(erlang_c(1, 2.0) == 1.0);
    // SL = 1 - C exp(-(N - A) T / h); h = 3 min, T = 3 min:
    // SL(3) = 1 - 4/9 x e^-1 = 1 - 0.444444 x 0.367879 = 0.836498
    // SL(4) = 1 - 4/23 x e^-2 = 1 - 0.173913 x 0.135335 = 0.976463
    CHECK(erlang_service_level(3, 2.0, 3.0, 3.0) == Approx(1.0 - 4.0 / 9.0 * std::exp(-1.0)));
    CHECK(erlang_service_level(3, 2.0, 3.0, 3.0) == Approx(0.836498).epsilon(1e-5));
    CHECK(erlang_service_level(4, 2.0, 3.0, 3.0) == Approx(0.976463).epsilon(1e-5));
    CHECK(erlang_service_level(2, 2.0, 3.0, 3.0) == 0.0);
}

TEST_CASE("erlang: the smallest N above A that reaches the target", "[erlang]") {
    // Target 0.8: SL(3) = 0.8365 is enough (N must be above A = 2, so 3 is the first).
    auto n = erlang_agents_needed(2.0, 3.0, 3.0, 0.8);
    REQUIRE(n);
    CHECK(n->agents == 3);
    CHECK(n->wait_probability == Approx(4.0 / 9.0));
    // Target 0.9: SL(3) = 0.8365 < 0.9 <= SL(4) = 0.9765.
    n = erlang_agents_needed(2.0, 3.0, 3.0, 0.9);
    REQUIRE(n);
    CHECK(n->agents == 4);
    CHECK(n->service_level == Approx(0.976463).epsilon(1e-5));
    // A = 1/3 Erlang (4 messages an hour x 5 min / 60), T = 60 min, h = 5 min:
    // N = 1: B = (1/3) / (1 + 1/3) = 0.25; C = 0.25 / (1 - 1/3 x 0.75) = 1/3;
    // SL = 1 - 1/3 x e^(-(2/3) x 12) = 1 - e^-8 / 3 = 0.999888 >= 0.8.
    n = erlang_agents_needed(1.0 / 3.0, 5.0, 60.0, 0.8);
    REQUIRE(n);
    CHECK(n->agents == 1);
    CHECK(n->service_level == Approx(1.0 - std::exp(-8.0) / 3.0));
    // Nothing to answer: no rota needed.
    CHECK_FALSE(erlang_agents_needed(0.0, 3.0, 60.0, 0.8));
    // A target above 1 is never reached: no floor rather than an endless search.
    CHECK_FALSE(erlang_agents_needed(2.0, 3.0, 3.0, 1.5));
}

TEST_CASE("erlang: large traffic stays finite and monotone", "[erlang]") {
    // The recursion never forms A^N / N!: A = 500 Erlangs would overflow a direct formula.
    const double b = erlang_b(600, 500.0);
    CHECK(std::isfinite(b));
    CHECK(b > 0.0);
    CHECK(b < 0.01);
    auto n = erlang_agents_needed(500.0, 4.0, 1.0, 0.8);
    REQUIRE(n);
    CHECK(n->agents > 500);
    CHECK(n->agents < 560);
    CHECK(erlang_service_level(n->agents - 1, 500.0, 1.0, 4.0) < 0.8);
    CHECK(n->service_level >= 0.8);
}
