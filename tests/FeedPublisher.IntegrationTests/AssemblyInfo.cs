// These tests start real processes, servers and feed readers, and some measure time (the watcher
// publishes within 2 s): on a 2-core machine they run one at a time, so one test's load never
// decides another's outcome.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
