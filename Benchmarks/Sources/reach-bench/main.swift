import ArgumentParser
import ClusterGen
import Foundation
import ReachKit
import ReachLoader
import ReachModel

/// Release-built benchmark harness: `swift run -c release reach-bench <benchmark>`.
struct ReachBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach-bench",
        abstract: "kube-reach benchmarks on generated clusters (run in release mode).",
        subcommands: [LoadBench.self, NetworkBench.self, RBACBench.self, AttackBench.self, RenderBench.self, AuditLogBench.self, FootholdBench.self])
}

/// Loader throughput: generated YAML → ClusterSnapshot.
struct LoadBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load a generated cluster; report MB/s and memory.")

    @Option(help: "Objects in the generated cluster.") var objects = 100_000
    @Option var seed: UInt64 = 1
    @Option(help: "Timed runs (median reported).") var runs = 3
    @Option(help: "Use this YAML file instead of generating one.") var file: String?

    func run() throws {
        let path: String
        if let file { path = file } else {
            path = NSTemporaryDirectory() + "kube-reach-bench-\(objects)-\(seed).yaml"
            if !FileManager.default.fileExists(atPath: path) {
                try ClusterGenerator(spec: .scaled(objects: objects, seed: seed)).yaml()
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let baseline = Measure.currentRSS()
        var loaded = 0, diagnostics = 0
        let times = Measure.time(runs: runs) {
            let snapshot = ManifestLoader().load(paths: [path])
            loaded = ObjectKindCounter.total(snapshot)
            diagnostics = snapshot.diagnostics.count
        }
        let peak = Measure.peakRSS()
        let median = Measure.median(times)
        print("load: \(loaded) objects, \(diagnostics) diagnostics, input \(Measure.mb(size))")
        print("  time median \(Measure.ms(median)) (min \(Measure.ms(times.first ?? 0)), \(times.count) runs)")
        print(String(format: "  throughput %.1f MB/s", Double(size) / 1_000_000 / max(median, 1e-9)))
        print("  peak RSS \(Measure.mb(peak)) (baseline before load \(Measure.mb(baseline))); peak/input = \(String(format: "%.1f", Double(peak - baseline) / Double(max(size, 1))))×")
    }
}

/// Object count without building the sorted `allObjects` list (kept out of the timing).
enum ObjectKindCounter {
    static func total(_ s: ClusterSnapshot) -> Int { ObjectKind.allCases.reduce(0) { $0 + s.count(of: $1) } }
}

ReachBench.main()
