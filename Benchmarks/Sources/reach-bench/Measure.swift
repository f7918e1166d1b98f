import Foundation

/// Timing and memory helpers for the release-built harness.
enum Measure {
    /// Runs `body` `runs` times; returns the durations in seconds, sorted.
    static func time(runs: Int, _ body: () -> Void) -> [Double] {
        let clock = ContinuousClock()
        var out: [Double] = []
        for _ in 0..<max(1, runs) {
            let d = clock.measure(body)
            out.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        return out.sorted()
    }

    static func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs[xs.count / 2] }

    /// CPU seconds used so far by the whole process (all threads), from CLOCK_PROCESS_CPUTIME_ID.
    /// On a shared machine wall time includes waiting for a core; CPU time does not.
    static func processCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` `runs` times; returns (wall, process CPU) seconds per run, each list sorted.
    static func timeWithCPU(runs: Int, _ body: () -> Void) -> (wall: [Double], cpu: [Double]) {
        let clock = ContinuousClock()
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(1, runs) {
            let c0 = processCPU()
            let d = clock.measure(body)
            cpu.append(processCPU() - c0)
            wall.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        return (wall.sorted(), cpu.sorted())
    }

    /// Peak resident set size of this process so far, in bytes (Linux reports KiB).
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// Current resident set size in bytes, from /proc/self/statm (0 where unavailable).
    static func currentRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
