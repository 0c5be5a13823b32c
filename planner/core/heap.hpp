#pragma once
// Heap set-up for large plans. A 100,000-person plan builds a few hundred megabytes of small
// objects; with 4 KiB pages the first touch of each page costs a page fault, and on virtual
// machines those faults took most of the run time (54,000 faults, 1.0 of 1.4 seconds for
// `workload` on such a plan). prepare_heap() reserves the main heap up front and asks the
// kernel for transparent huge pages on it, which cuts the faults about fifty-fold.
// It changes no result, only speed; where it is not supported it does nothing.

namespace planner {

void prepare_heap();

} // namespace planner
