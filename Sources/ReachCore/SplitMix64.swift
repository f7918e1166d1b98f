/// SplitMix64: a tiny, fast, seedable generator, so random tests (differential, fuzz) and
/// generated benchmark clusters are identical for a seed on every machine and Swift version
/// (the standard library's generator is not seedable). Not for anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }
    public init(seed: UInt64) { self.state = seed }

    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (0 when n ≤ 0; modulo bias is negligible for small `n`).
    /// - Complexity: O(1).
    public mutating func index(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// A random element (callers guarantee non-empty).
    /// - Complexity: O(1).
    public mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }

    /// True with probability `p` (in steps of 10⁻⁶).
    /// - Complexity: O(1).
    public mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}
