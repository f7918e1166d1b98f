import Dispatch
import Foundation

/// Order-preserving parallel map over all cores (Dispatch's concurrentPerform).
public enum ParallelMap {
    /// `items.map(transform)`, computed in batches on all cores; fewer than 4 items run
    /// sequentially.
    /// - Complexity: O(n / cores) wall time for n independent items of similar cost.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 4 { return items.map(transform) }
        let batches = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = ResultSlots<[R]>(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            let lower = items.count * b / batches, upper = items.count * (b + 1) / batches
            results.set(b, items[lower..<upper].map(transform))
        }
        return results.values.flatMap { $0 ?? [] }
    }
}

/// Fixed result slots, each written once from concurrent workers and read after they finish.
public final class ResultSlots<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]

    /// `count` empty slots.
    /// - Complexity: O(count).
    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// - Complexity: O(1) (one lock).
    public func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }

    /// The value of slot `i`, `nil` while unset.
    /// - Complexity: O(1) (one lock).
    public func get(_ i: Int) -> R? { lock.withLock { slots[i] } }

    /// Every slot, in order.
    /// - Complexity: O(count).
    public var values: [R?] { lock.withLock { slots } }
}
