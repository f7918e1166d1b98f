import NetworkEngine
import ReachCore

/// The endpoints of both sides, matched by (display name, peer name), grouped into *joint classes*:
/// endpoints with the same (before class, after class) — `-1` for a side the endpoint is absent
/// from. Two endpoints of one joint class are indistinguishable to both sides' policies, so the
/// change between two joint classes holds for every pair of their members.
///
/// Joint classes are numbered by (before class, after class), so those of one before class are a
/// contiguous range (``rangeA``) and a before-class row expands to joint classes by whole-word
/// range fills.
struct JointClasses {
    /// Number of joint classes.
    let count: Int
    /// Per joint class, its class on each side (`-1`: none).
    let classA: [Int32]
    let classB: [Int32]
    /// Per joint class, the peer of each member endpoint.
    let memberPeers: [[Int32]]
    /// Per before class, its joint classes.
    let rangeA: [Range<Int>]
    /// Per peer, its joint classes (distinct, increasing) and its classes on each side.
    let classesOfPeer: [[Int32]]
    let aClassesOfPeer: [[Int32]]
    let bClassesOfPeer: [[Int32]]

    private struct Key: Hashable {
        var name: String
        var peer: Int32
    }

    /// - Complexity: O(N) expected hashing plus O(KJ log KJ) for N endpoints and KJ joint classes.
    init(before: NetworkReach, after: NetworkReach, numbering: PeerNumbering) {
        var ids: [Key: Int] = [:]
        var ca: [Int32] = [], cb: [Int32] = [], peer: [Int32] = []
        for (side, reach) in [before, after].enumerated() {
            let peers = side == 0 ? numbering.peerOfBefore : numbering.peerOfAfter
            for (e, endpoint) in reach.endpoints.enumerated() {
                let key = Key(name: endpoint.displayName, peer: peers[e])
                let id: Int
                if let known = ids[key] { id = known } else {
                    id = ca.count
                    ids[key] = id
                    ca.append(-1); cb.append(-1); peer.append(peers[e])
                }
                if side == 0 { ca[id] = Int32(reach.classes.classOf[e]) } else { cb[id] = Int32(reach.classes.classOf[e]) }
            }
        }
        let pairs = Array(Set(zip(ca, cb).map { Int64($0) << 32 | Int64(UInt32(bitPattern: $1)) })).sorted()
        let index = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1, $0) })
        count = pairs.count
        classA = pairs.map { Int32($0 >> 32) }
        classB = pairs.map { Int32(truncatingIfNeeded: $0) }
        var members = [[Int32]](repeating: [], count: count)
        var ofPeer = [Set<Int32>](repeating: [], count: numbering.names.count)
        for i in ca.indices {
            let x = index[Int64(ca[i]) << 32 | Int64(UInt32(bitPattern: cb[i]))] ?? 0
            members[x].append(peer[i])
            ofPeer[Int(peer[i])].insert(Int32(x))
        }
        memberPeers = members
        classesOfPeer = ofPeer.map { $0.sorted() }
        let a = classA, b = classB
        aClassesOfPeer = classesOfPeer.map { Array(Set($0.map { a[Int($0)] }.filter { $0 >= 0 })).sorted() }
        bClassesOfPeer = classesOfPeer.map { Array(Set($0.map { b[Int($0)] }.filter { $0 >= 0 })).sorted() }
        var ranges = [Range<Int>](repeating: 0..<0, count: before.classes.count)
        var x = 0
        while x < count {
            var end = x
            while end < count, classA[end] == classA[x] { end += 1 }
            if classA[x] >= 0 { ranges[Int(classA[x])] = x..<end }
            x = end
        }
        rangeA = ranges
    }

    /// Per before class, the joint classes its row allows under `matrix` (KA × words of ``count``
    /// bits, flat).
    /// - Complexity: O(KA × (KA/64 + KJ/64)): each allowed class sets its contiguous joint range.
    func expandBefore(_ matrix: BitMatrix) -> [UInt64] {
        let words = BitSet.wordCount(for: count), k = matrix.rows
        var out = [UInt64](repeating: 0, count: k * words)
        out.withUnsafeMutableBufferPointer { o in
            matrix.withWordsReadOnly { m in
                for a in 0..<k {
                    for wi in 0..<matrix.wordsPerRow {
                        var bits = m[a * matrix.wordsPerRow + wi]
                        while bits != 0 {
                            let d = wi << 6 | bits.trailingZeroBitCount
                            bits &= bits &- 1
                            Self.fill(o, base: a * words, rangeA[d])
                        }
                    }
                }
            }
        }
        return out
    }

    /// Per after class, the joint classes its row allows under `matrix` (KB × words, flat).
    /// - Complexity: O(KB × KJ) bit reads.
    func expandAfter(_ matrix: BitMatrix) -> [UInt64] {
        let words = BitSet.wordCount(for: count), k = matrix.rows, wpr = matrix.wordsPerRow
        var out = [UInt64](repeating: 0, count: k * words)
        out.withUnsafeMutableBufferPointer { o in
            matrix.withWordsReadOnly { m in
                classB.withUnsafeBufferPointer { cb in
                    for b in 0..<k {
                        let row = b * wpr
                        for y in 0..<count {
                            let c = Int(cb[y])
                            if c >= 0, m[row + (c >> 6)] >> UInt64(c & 63) & 1 != 0 { o[b * words + (y >> 6)] |= 1 << UInt64(y & 63) }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Sets bits `range` of the row starting at word `base`.
    static func fill(_ w: UnsafeMutableBufferPointer<UInt64>, base: Int, _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            if i & 63 == 0, range.upperBound - i >= 64 {
                w[base + (i >> 6)] = ~0
                i += 64
            } else {
                w[base + (i >> 6)] |= 1 << UInt64(i & 63)
                i += 1
            }
        }
    }
}
