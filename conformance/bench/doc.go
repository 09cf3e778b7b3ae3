// Package bench holds Go benchmarks of the upstream DRA allocator
// (k8s.io/dynamic-resource-allocation/structured) and Kueue TAS
// (sigs.k8s.io/kueue/pkg/cache/scheduler) on the shapes of the SDK's JMH benchmarks
// (benchmarks/src/main/java/dev/aiinfra/benchmarks/dra, .../scheduling). The benchmarks only build
// the input as plain API objects; every decision is upstream code. `./compare` runs both sides.
package bench
