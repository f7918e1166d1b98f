import Synchronization

/// Class-level matrices per port class, computed on first use and kept (thread-safe). Memory is
/// O(K² / 8) bytes per computed port class, so a query touching few probes stays small;
/// ``NetworkReach/forEachPortClass(_:)`` streams all of them without keeping any.
final class PortClassStore: Sendable {
    let builder: ReachMatrixBuilder
    /// Port class → its representative port atom.
    let representatives: [Int]
    private let cache = Mutex<[Int: PortClassReach]>([:])

    init(builder: ReachMatrixBuilder, representatives: [Int]) {
        self.builder = builder
        self.representatives = representatives
    }

    var count: Int { representatives.count }

    /// - Complexity: O(1) when cached, else one ``ReachMatrixBuilder/build(atom:)``.
    func matrix(_ portClass: Int) -> PortClassReach {
        if let hit = cache.withLock({ $0[portClass] }) { return hit }
        let m = builder.build(atom: representatives[portClass])
        cache.withLock { $0[portClass] = m }
        return m
    }

    /// Computes every port class in order (cached ones reused), keeping none new.
    func forEach(_ body: (Int, PortClassReach) -> Void) {
        for q in representatives.indices {
            body(q, cache.withLock({ $0[q] }) ?? builder.build(atom: representatives[q]))
        }
    }

    /// Computes and caches every port class.
    func computeAll() {
        for q in representatives.indices { _ = matrix(q) }
    }
}
