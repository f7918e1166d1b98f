import ReachTestSupport
import Testing
@testable import ReachCore

@Suite struct BitSetTests {
    @Test(arguments: [0, 1, 63, 64, 65, 127, 128, 1000])
    func insertContainsRemoveAcrossWordBoundaries(capacity: Int) {
        var s = BitSet(capacity: capacity)
        for i in stride(from: 0, to: capacity, by: 3) { s.insert(i) }
        #expect(s.count == (capacity + 2) / 3)
        #expect(s.members == Array(stride(from: 0, to: capacity, by: 3)))
        s.insert(capacity)  // out of range: ignored
        s.insert(-1)
        #expect(!s.contains(capacity))
        if capacity > 0 { s.remove(0); #expect(!s.contains(0)) }
    }

    @Test(arguments: [(130, 64), (130, 200), (64, 64), (70, 0), (0, 65)])
    func resizedKeepsMembersBelowTheNewCapacity(from: Int, to: Int) {
        let s = BitSet(capacity: from, members: stride(from: 0, to: from, by: 5))
        let r = s.resized(to: to)
        #expect(r.capacity == to)
        #expect(r.words.count == BitSet.wordCount(for: to))
        #expect(r.members == s.members.filter { $0 < to })
        var grown = r
        grown.insert(to - 1)
        #expect(to == 0 || grown.contains(to - 1))
    }

    @Test func nonEmptyWordsAndConditionalInserts() {
        var s = BitSet(capacity: 300, members: [1, 130, 131, 299])
        #expect(s.nonEmptyWordIndices == [0, 2, 4])
        // 5 ← 1 (member), 7 ← 6 (not a member), 8 ← 5 (inserted by the first pair), out of range ignored.
        s.insertMembers(where: [(5, 1), (7, 6), (8, 5), (400, 1), (9, 400), (-1, 1)])
        #expect(s.members == [1, 5, 8, 130, 131, 299])
    }

    @Test func fullSetHasNoBitsPastCapacity() {
        let s = BitSet.full(capacity: 70)
        #expect(s.count == 70)
        #expect(s.words[1] == (1 << 6) - 1)
    }

    @Test func setAlgebraMatchesSwiftSet() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<50 {
            let n = Int(rng.next() % 300) + 1
            let a = (0..<n).filter { _ in rng.next() % 3 == 0 }
            let b = (0..<n).filter { _ in rng.next() % 2 == 0 }
            let sa = BitSet(capacity: n, members: a), sb = BitSet(capacity: n, members: b)
            #expect(sa.union(sb).members == Set(a).union(b).sorted())
            #expect(sa.intersection(sb).members == Set(a).intersection(b).sorted())
            #expect(sa.subtracting(sb).members == Set(a).subtracting(b).sorted())
            #expect(sa.intersects(sb) == !Set(a).isDisjoint(with: b))
            #expect(sa.isSubset(of: sb) == Set(a).isSubset(of: b))
            #expect(sa.first == a.first)
        }
    }

    @Test func formUnionReportsChange() {
        var a = BitSet(capacity: 10, members: [1, 2])
        let unchanged = a.formUnion(BitSet(capacity: 10, members: [2]))
        let changed = a.formUnion(BitSet(capacity: 10, members: [3]))
        #expect(!unchanged)
        #expect(changed)
    }
}

@Suite struct BitMatrixTests {
    @Test func rowsTransposeAndUnion() {
        var m = BitMatrix(rows: 3, columns: 130)
        m[0, 0] = true; m[0, 129] = true; m[1, 64] = true
        #expect(m.row(0).members == [0, 129])
        let first = m.formUnion(row: 2, withRow: 0)
        let second = m.formUnion(row: 2, withRow: 0)
        #expect(first)
        #expect(!second)
        #expect(m.rowCount(2) == 2)
        let t = m.transposed()
        #expect(t.rows == 130 && t.columns == 3)
        #expect(t.row(129).members == [0, 2])
        #expect(t.row(64).members == [1])
        m.setRow(1, to: BitSet.full(capacity: 130))
        #expect(m.rowCount(1) == 130)
        #expect(m.rowIntersects(1, BitSet(capacity: 130, members: [7])))
    }
}

@Suite struct DigraphTests {
    @Test func bfsFindsShortestPathsWithSmallestParents() {
        let g = Digraph(vertexCount: 5, edges: [(0, 2), (0, 1), (1, 3), (2, 3), (3, 4), (3, 4)])
        #expect(g.edgeCount == 5)
        let parent = g.bfsParents(from: [0])
        #expect(parent == [-1, 0, 0, 1, 3])
        #expect(g.bfsParents(from: [4])[0] == -2)
    }

    @Test func sccAndClosureMatchNaiveReachability() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<30 {
            let n = Int(rng.next() % 40) + 1
            var edges: [(Int, Int)] = []
            for _ in 0..<(n * 2) { edges.append((Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)))) }
            let g = Digraph(vertexCount: n, edges: edges)
            let (comp, closure) = g.componentClosure()
            for v in 0..<n {
                let reach = Set(g.bfsParents(from: [v]).enumerated().filter { $0.element != -2 }.map(\.offset))
                for w in 0..<n {
                    #expect(closure[comp[v], comp[w]] == reach.contains(w))
                }
            }
        }
    }
}

@Suite struct IPAddressTests {
    @Test(arguments: [("10.0.0.1", "10.0.0.1"), ("::1", "::1"), ("fd00:0:0:0:0:0:0:5", "fd00::5"),
                      ("::ffff:10.0.0.1", "::ffff:a00:1"), ("2001:db8::", "2001:db8::")])
    func parsesAndPrints(text: String, canonical: String) {
        #expect(IPAddress(text)?.description == canonical)
    }

    @Test(arguments: ["10.0.0", "256.0.0.1", "1.2.3.4.5", "::1::2", "g::1", "", "01234::"])
    func rejectsInvalid(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func cidrContainment() throws {
        let net = try #require(CIDR("10.0.0.0/8"))
        #expect(net.contains(try #require(IPAddress("10.255.1.1"))))
        #expect(!net.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(!net.contains(try #require(IPAddress("::a00:1"))))
        #expect(net.contains(try #require(CIDR("10.1.0.0/16"))))
        #expect(CIDR("10.0.0.1/8")?.hostBitsSet == true)
        #expect(CIDR("0.0.0.0/0")?.last == 0xFFFF_FFFF)
        #expect(CIDR("::/0")?.last == UInt128.max)
        #expect(CIDR("10.0.0.0/33") == nil)
    }
}


@Suite struct BitMatrixTransposeTests {
    @Test(arguments: [(1, 1), (63, 65), (64, 64), (130, 70), (200, 129)])
    func blockTransposeMatchesNaive(rows: Int, columns: Int) {
        var rng = SplitMix64(seed: UInt64(rows * 1000 + columns))
        var m = BitMatrix(rows: rows, columns: columns)
        for r in 0..<rows { for c in 0..<columns where rng.next() % 3 == 0 { m[r, c] = true } }
        let keep = BitSet(capacity: rows, members: (0..<rows).filter { $0 % 5 != 0 })
        let fast = m.blockTransposed(), naive = m.transposed()
        #expect(fast == naive)
        let fastKept = m.blockTransposed(keepingRows: keep)
        for r in 0..<rows { for c in 0..<columns { #expect(fastKept[c, r] == (keep.contains(r) && m[r, c])) } }
    }
}

extension BitMatrixTransposeTests {
    /// Rows produced on demand (some empty, some full, sizes across the 512-row pass boundary),
    /// into fresh and into reused and shared storage, with and without row masks.
    @Test(arguments: [(1, 1), (63, 65), (130, 70), (600, 129), (1100, 64)])
    func assignTransposeMatchesNaive(rows: Int, columns: Int) {
        var rng = SplitMix64(seed: UInt64(rows * 7 + columns))
        var m = BitMatrix(rows: rows, columns: columns)
        for r in 0..<rows where r % 7 != 3 {
            for c in 0..<columns where r % 11 == 5 || rng.next() % 3 == 0 { m[r, c] = true }
        }
        let expected = m.transposed()
        let twpr = BitSet.wordCount(for: rows)
        var table = [UInt64](repeating: 0, count: 2 * twpr)
        for w in table.indices { table[w] = rng.next() }
        var index: [Int32] = []
        for i in 0..<columns {
            switch i % 3 {
            case 0: index.append(TransposeRowMasks.keep)
            case 1: index.append(TransposeRowMasks.clear)
            default: index.append(Int32(i % 2))
            }
        }
        let masks = TransposeRowMasks(index: index, table: table)
        var fresh = BitMatrix(rows: 0, columns: 0)
        var reused = BitMatrix(rows: columns, columns: rows)
        for r in 0..<columns { for c in 0..<rows where (r + c) % 2 == 0 { reused[r, c] = true } }
        let shared = reused
        for target in 0..<4 {
            var t = target % 2 == 0 ? fresh : reused
            t.assignTranspose(ofRows: rows, columns: columns, rowMasks: target < 2 ? nil : masks) { r, words in
                if r % 11 == 5, r % 7 != 3 { return .full }
                let row = m.rowSet(r)
                for w in 0..<words.count { words[w] = row.words[w] }
                guard let lo = row.words.firstIndex(where: { $0 != 0 }), let hi = row.words.lastIndex(where: { $0 != 0 }) else { return .empty }
                return .written(words: lo..<(hi + 1))
            }
            if target < 2 {
                #expect(t == expected)
            } else {
                for i in 0..<columns {
                    for r in 0..<rows {
                        let m = index[i]
                        var bit = m != TransposeRowMasks.clear
                        if m >= 0 { bit = table[Int(m) * twpr + r >> 6] & (UInt64(1) << UInt64(r & 63)) != 0 }
                        #expect(t[i, r] == (expected[i, r] && bit))
                    }
                }
            }
            if target % 2 == 0 { fresh = t } else { reused = t }
        }
        for r in 0..<columns { for c in 0..<rows { #expect(shared[r, c] == ((r + c) % 2 == 0)) } }
    }
}
