import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The streamed outputs (sorted pairs, connection-row streams) against straightforward references
/// built per pair and sorted as strings, on seeded random clusters, with and without filters.
@Suite struct StreamedOutputTests {
    static let probes = DifferentialTests.probes

    /// Every allowed pair, self included, as `src->dst`, sorted by code point: the old definition.
    static func referencePairs(_ reach: NetworkReach, _ probe: ProbePort, _ keepSrc: (Int) -> Bool, _ keepDst: (Int) -> Bool) -> [String] {
        var out: [String] = []
        for s in reach.endpoints.indices where keepSrc(s) {
            for d in reach.endpoints.indices where keepDst(d) && (s == d || reach.allowed(.endpoint(s), .endpoint(d), probe)) {
                out.append(reach.endpoints[s].displayName + "->" + reach.endpoints[d].displayName)
            }
        }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(25)))
    func sortedPairsEqualTheReference(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let reach = NetworkEngine.analyze(gen.snapshot(pods: 40, policies: 8))
        let order = EndpointOrder(reach.endpoints)
        #expect(order.isPairOrderExact)
        let all = BitSet.full(capacity: reach.endpoints.count)
        // A filter keeping every third endpoint as source and every second as destination.
        let someSrc = BitSet(capacity: reach.endpoints.count, members: stride(from: 0, to: reach.endpoints.count, by: 3))
        let someDst = BitSet(capacity: reach.endpoints.count, members: stride(from: 1, to: reach.endpoints.count, by: 2))
        for probe in Self.probes {
            for (src, dst) in [(all, all), (someSrc, someDst)] {
                var streamed: [String] = []
                reach.forEachSortedPair(probe, order: order, sources: src, destinations: dst) { s, d in
                    streamed.append(reach.endpoints[s].displayName + "->" + reach.endpoints[d].displayName)
                }
                let expected = Self.referencePairs(reach, probe, { src.contains($0) }, { dst.contains($0) })
                #expect(streamed == expected, "seed \(seed) \(probe)")
            }
        }
    }

    /// Names chosen so that `displayName` order and `"src->"` order differ (`a-1` sorts before
    /// `a->` but after `a`).
    @Test func pairOrderFollowsTheArrowNotTheName() {
        let names = ["a", "a-1", "a-b", "a.1", "a0", "b"]
        var snap = ClusterSnapshot()
        snap.pods = names.map { Pod(meta: ObjectMeta(name: $0, namespace: "x", location: SourceLocation(file: "t", document: 1, line: 1)), spec: PodSpec()) }
        let reach = NetworkEngine.analyze(snap)
        let order = EndpointOrder(reach.endpoints)
        let probe = ProbePort(protocol: .tcp, port: 80)
        var streamed: [String] = []
        let all = BitSet.full(capacity: reach.endpoints.count)
        reach.forEachSortedPair(probe, order: order, sources: all, destinations: all) { s, d in
            streamed.append(reach.endpoints[s].displayName + "->" + reach.endpoints[d].displayName)
        }
        #expect(streamed.count == names.count * names.count)
        #expect(streamed == streamed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(streamed.first == "x/a-1->x/a")
    }

    /// Reference connection list: per class pair (or endpoint pair) connections over all atoms.
    static func referenceRows(_ reach: NetworkReach, _ options: ConnectionListOptions) -> [String] {
        var rows: [(String, String, String)] = []
        func restrict(_ c: ConnectionSet) -> ConnectionSet { reach.restrict(c, options.probes) }
        let classes = reach.classes
        func srcOK(_ e: Int) -> Bool { options.from?.matches(reach.endpoints[e]) ?? true }
        func dstOK(_ e: Int) -> Bool { options.to?.matches(reach.endpoints[e]) ?? true }
        if options.expand {
            for a in reach.endpoints.indices where srcOK(a) {
                for b in reach.endpoints.indices where a != b && dstOK(b) {
                    let c = restrict(reach.connections(.endpoint(a), .endpoint(b)))
                    if !c.isEmpty { rows.append((reach.endpoints[a].displayName, reach.endpoints[b].displayName, c.description)) }
                }
            }
        } else {
            for s in 0..<classes.count where classes.members[s].contains(where: srcOK) {
                for d in 0..<classes.count where classes.members[d].contains(where: dstOK) {
                    if s == d && classes.members[s].count < 2 { continue }
                    // The former per-pair definition (classConnections): the class matrix bit per atom.
                    var c = ConnectionSet()
                    for (i, atom) in reach.portAtoms.atoms.enumerated() where reach.matrix(forPortClass: reach.portClassOfAtom[i]).reach[s, d] {
                        c.add(atom.protocolName, atom.lower...atom.upper)
                    }
                    c = restrict(c)
                    if !c.isEmpty { rows.append((reach.classLabel(s), reach.classLabel(d), c.description)) }
                }
            }
        }
        if options.external {
            for e in reach.ipAtoms.atoms.indices {
                let ext = reach.externalLabel(e)
                let peers: [(String, Int, [Int])] = options.expand
                    ? reach.endpoints.indices.map { (reach.endpoints[$0].displayName, $0, [$0]) }
                    : (0..<classes.count).map { (reach.classLabel($0), classes.representative($0), classes.members[$0]) }
                for (label, rep, members) in peers {
                    let out = restrict(reach.connections(.endpoint(rep), .external(e)))
                    let inc = restrict(reach.connections(.external(e), .endpoint(rep)))
                    if !out.isEmpty, options.to == nil, members.contains(where: srcOK) { rows.append((label, ext, out.description)) }
                    if !inc.isEmpty, options.from == nil, members.contains(where: dstOK) { rows.append((ext, label, inc.description)) }
                }
            }
        }
        return rows.sorted {
            $0.0 != $1.0 ? $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8)
        }.map { "\($0.0) => \($0.1) : \($0.2)" }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(20)))
    func connectionRowsEqualTheReference(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let reach = NetworkEngine.analyze(gen.snapshot(pods: 30, policies: 7))
        let some = reach.endpoints.first.map { EndpointFilter.name("\($0.namespace)/*") }
        let variants = [
            ConnectionListOptions(),
            ConnectionListOptions(expand: true),
            ConnectionListOptions(probes: Array(Self.probes.prefix(3))),
            ConnectionListOptions(expand: true, from: some),
            ConnectionListOptions(to: some),
        ]
        for options in variants {
            let rows = reach.connectionList(options).map { "\($0.source) => \($0.destination) : \($0.connections)" }
            #expect(rows == Self.referenceRows(reach, options), "seed \(seed) expand=\(options.expand)")
        }
    }
}
