import ReachCore

/// The generator of the cluster generator: ReachCore's SplitMix64 (the one the tests use), so
/// generated clusters are identical for a seed on every machine and Swift version.
public typealias SeededRandom = SplitMix64

extension SplitMix64 {
    /// Uniform in `0..<n` (0 when n ≤ 0): ``index(_:)`` under the generator's historical name.
    public mutating func below(_ n: Int) -> Int { index(n) }
}
