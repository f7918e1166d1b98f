import Dispatch
import Foundation
import ReachCore
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

    /// Computes every port class in order (cached ones reused), keeping none new. Two port
    /// classes are built at a time on separate cores; each lane reuses its result storage for its
    /// next port class when `body` did not keep the previous one.
    /// - Complexity: port classes × one build, halved in wall time on 2 cores; memory 2 × K²/8 bytes.
    func forEach(_ body: (Int, PortClassReach) -> Void) {
        let lanes = 2
        let storage = (0..<lanes).map { _ in Lane() }
        var q = 0
        while q < representatives.count {
            let batch = Array(q..<min(q + lanes, representatives.count))
            let results = ResultSlots<PortClassReach>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let pc = batch[i]
                if let hit = cache.withLock({ $0[pc] }) {
                    results.set(i, hit)
                } else {
                    builder.build(atom: representatives[pc], into: &storage[i].value)
                    results.set(i, storage[i].value)
                }
            }
            for (i, pc) in batch.enumerated() { if let r = results.get(i) { body(pc, r) } }
            q += lanes
        }
    }

    /// One lane's reusable result storage (touched by one worker at a time).
    private final class Lane: @unchecked Sendable {
        var value = PortClassReach.empty
    }

    /// Computes and caches every port class.
    func computeAll() {
        for q in representatives.indices { _ = matrix(q) }
    }
}
