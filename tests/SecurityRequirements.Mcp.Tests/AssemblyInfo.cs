// Each test class starts server processes that load a project with a design-time build; on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
