import NetworkEngine
import ReachCore
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

/// ``ExternalReachDiff`` (bitset XOR over joint classes, joint port classes and joint external
/// atoms) against the definition computed independently, per (peer, address interval, probe), with
/// the naive per-pair evaluator (``NetworkEngine/PairEvaluator``, the spec read literally): a
/// peer gains egress to an address `a` on probe `x` exactly when after the change some endpoint of
/// the peer may connect to `a` on `x` and before none could (ingress: from `a`). External atoms
/// are networkpolicy.md rule 7 ("report reachability to/from the outside world as CIDR atoms").
@Suite struct ExternalReachDiffTests {
    /// The address intervals on which both sides are constant: cut at every atom start of either side.
    static func intervals(_ a: NetworkReach, _ b: NetworkReach) -> [ExternalReachDiff.AddressRange] {
        var out: [ExternalReachDiff.AddressRange] = []
        for family in [IPAddress.Family.v4, .v6] {
            let top: UInt128 = family == .v4 ? UInt128(UInt32.max) : .max
            let cuts = Set((a.ipAtoms.atoms + b.ipAtoms.atoms).filter { $0.family == family }.map(\.first)).sorted()
            for (i, c) in cuts.enumerated() {
                out.append(.init(family: family, first: c, last: i + 1 < cuts.count ? cuts[i + 1] - 1 : top))
            }
        }
        return out
    }

    /// `direction|peer|interval|probe` for every allowed combination on one side (any endpoint of the peer).
    static func naive(_ r: NetworkReach, level: ReachDiff.Level, intervals: [ExternalReachDiff.AddressRange],
                      probes: [ProbePort]) -> Set<String> {
        let evaluator = r.evaluator
        var out = Set<String>()
        for (e, endpoint) in r.endpoints.enumerated() {
            let name = level == .pod ? endpoint.displayName : endpoint.workloadName
            for (i, range) in intervals.enumerated() {
                guard let atom = r.ipAtoms.atom(of: IPAddress(family: range.family, value: range.first)) else { continue }
                for p in probes {
                    if evaluator.allowed(.endpoint(e), .external(atom), p) { out.insert("egress|\(name)|\(i)|\(p)") }
                    if evaluator.allowed(.external(atom), .endpoint(e), p) { out.insert("ingress|\(name)|\(i)|\(p)") }
                }
            }
        }
        return out
    }

    /// Compares the diff of `a` → `b` with the naive answers; returns the number of changed rows.
    @discardableResult
    static func check(_ a: NetworkReach, _ b: NetworkReach, level: ReachDiff.Level, _ label: String) -> Int {
        let intervals = Self.intervals(a, b), probes = ReachDiffTests.probes(a, b)
        let expectA = naive(a, level: level, intervals: intervals, probes: probes)
        let expectB = naive(b, level: level, intervals: intervals, probes: probes)
        let diff = ExternalReachDiff(before: a, after: b, level: level)
        var gained = Set<String>(), lost = Set<String>()
        for c in diff.changes {
            let inside = intervals.indices.filter {
                intervals[$0].family == c.range.family && intervals[$0].first >= c.range.first && intervals[$0].last <= c.range.last
            }
            // A row's range is a union of whole intervals.
            #expect(intervals.contains { $0.family == c.range.family && $0.first == c.range.first }, "\(label): range start")
            #expect(intervals.contains { $0.family == c.range.family && $0.last == c.range.last }, "\(label): range end")
            for i in inside {
                let key = "\(c.direction.rawValue)|\(diff.peers[Int(c.peer)])|\(i)|"
                for p in probes {
                    if c.added >= 0, diff.connections[Int(c.added)].contains(p) { gained.insert(key + "\(p)") }
                    if c.removed >= 0, diff.connections[Int(c.removed)].contains(p) { lost.insert(key + "\(p)") }
                }
            }
        }
        #expect(gained == expectB.subtracting(expectA), "\(label) (\(level)): gained")
        #expect(lost == expectA.subtracting(expectB), "\(label) (\(level)): lost")
        // Ranges are maximal: adjacent rows of one peer and direction differ in their change.
        for (x, y) in zip(diff.changes, diff.changes.dropFirst()) where x.direction == y.direction && x.peer == y.peer {
            #expect(x.range.family != y.range.family || x.range.last < y.range.first, "\(label): sorted, disjoint")
            if x.range.family == y.range.family, x.range.last + 1 == y.range.first {
                #expect(x.added != y.added || x.removed != y.removed, "\(label): adjacent rows with the same change")
            }
        }
        #expect(diff.changes.allSatisfy { $0.added >= 0 || $0.removed >= 0 })
        return diff.changes.count
    }

    /// Seeded random clusters with ipBlocks (v4 and v6, excepts, blocks covering pod IPs), several
    /// pods per workload: each ordered pair of snapshots, both levels.
    @Test(arguments: [ReachDiff.Level.workload, .pod])
    func matchesTheNaiveDefinitionOnRandomClusters(level: ReachDiff.Level) {
        var rng = SplitMix64(seed: 20)
        var total = 0
        for round in 0..<12 {
            var scenario = RandomIPBlockCluster(rng: rng)
            let a = NetworkEngine.analyze(scenario.snapshot(seed: round)), b = NetworkEngine.analyze(scenario.mutated())
            rng = scenario.rng
            total += Self.check(a, b, level: level, "round \(round)")
            #expect(ExternalReachDiff(before: a, after: a, level: level).isEmpty, "round \(round): self-diff")
        }
        // The rounds must exercise the comparison (a generator that never changes anything proves nothing).
        #expect(total > 0)
    }

    /// The fixture clusters of ``ReachDiffTests`` (ipBlocks with excepts, IPv6, hostNetwork, …) and
    /// the external-range fixtures: every ordered pair, workload level.
    @Test func matchesTheNaiveDefinitionOnFixtures() {
        let inputs = ReachDiffTests.inputs + ["diff/external-ranges/before", "diff/external-ranges/after"]
        let loaded = inputs.map(ReachDiffTests.reach)
        for (i, a) in loaded.enumerated() {
            for (j, b) in loaded.enumerated() where i == j || (i + j) % 3 == 0 {
                Self.check(a, b, level: .workload, "\(inputs[i]) → \(inputs[j])")
            }
        }
    }

    /// The fixture's three changes, as a reviewer reads them (docs/diff.md).
    @Test func fixtureChanges() {
        let diff = ExternalReachDiff(before: ReachDiffTests.reach("diff/external-ranges/before"),
                                     after: ReachDiffTests.reach("diff/external-ranges/after"), level: .workload)
        let rows = diff.changes.map { c -> String in
            let set = c.added >= 0 ? "+" + diff.connections[Int(c.added)].description : "-" + diff.connections[Int(c.removed)].description
            return "\(c.direction.rawValue) \(diff.peers[Int(c.peer)]) \(c.range.label) \(set)"
        }
        #expect(rows == [
            "egress prod/api[Deployment] 0.0.0.0-9.255.255.255[External] +TCP 443",
            "egress prod/api[Deployment] 11.0.0.0-255.255.255.255[External] +TCP 443",
            "egress prod/web[Deployment] 10.1.0.0-10.255.255.255[External] +TCP 443",
            "ingress prod/db[StatefulSet] 203.0.113.0-203.0.113.255[External] -TCP 5432",
        ])
    }

    /// The exact CIDR cover of a range (RFC 4632 §3.1 prefix notation): the fewest aligned blocks.
    @Test func cidrCover() {
        func range(_ a: String, _ b: String) -> ExternalReachDiff.AddressRange {
            let x = IPAddress(a), y = IPAddress(b)
            return .init(family: x?.family ?? .v4, first: x?.value ?? 0, last: y?.value ?? 0)
        }
        #expect(range("0.0.0.0", "255.255.255.255").cidrs == ["0.0.0.0/0"])
        #expect(range("0.0.0.0", "9.255.255.255").cidrs == ["0.0.0.0/5", "8.0.0.0/7"])
        #expect(range("203.0.113.0", "203.0.113.255").cidrs == ["203.0.113.0/24"])
        #expect(range("10.0.0.1", "10.0.0.1").cidrs == ["10.0.0.1/32"])
        #expect(range("10.0.0.1", "10.0.0.6").cidrs == ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"])
        #expect(range("11.0.0.0", "255.255.255.255").cidrs
            == ["11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"])
        #expect(range("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").cidrs == ["::/0"])
        #expect(range("fd00::", "fd00::ff").cidrs == ["fd00::/120"])
        #expect(range("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").cidrs.count == 128)
    }
}
