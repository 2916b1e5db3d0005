using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FeedPublisher.Benchmarks.StageBenchmarks).Assembly).Run(args);
