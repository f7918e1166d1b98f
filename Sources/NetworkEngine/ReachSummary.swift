import ReachCore
import ReachModel

/// What a security engineer wants first from a large cluster's reachability: how much is allowed,
/// between which namespaces, which workloads are open to everything or to the outside, which are
/// isolated, and which allow the most. Computed on classes (never on pod pairs).
public struct ReachSummary: Sendable {
    /// A group of equivalent endpoints: a class, with its label and size.
    public struct Group: Sendable {
        public var label: String
        public var namespace: String
        public var pods: Int
        /// What the list says about the group (a pod count, the connections, the sources).
        public var connections: ConnectionSet
        public var count: Int
    }

    /// Allowed traffic from the pods of one namespace to those of another.
    public struct NamespacePair: Sendable {
        public var source: String
        public var destination: String
        /// Ordered pairs of distinct pods with some allowed connection.
        public var podPairs: Int
        /// Ordered pairs of distinct pods between the two namespaces.
        public var possiblePairs: Int
        /// The union of the connections allowed between them.
        public var connections: ConnectionSet
    }

    public var endpoints: Int
    public var classes: Int
    public var namespaces: Int
    public var policies: Int
    public var probes: [ProbePort]?
    /// Ordered pairs of distinct endpoints with some allowed connection (self traffic excluded).
    public var allowedPairs: Int
    /// Rows of the class-level connectivity list (what `--all` prints).
    public var listRows: Int
    /// Every namespace pair with allowed traffic, most pod pairs first.
    public var namespacePairs: [NamespacePair]
    /// Classes reachable from some address outside the cluster (`count`: external ranges allowed,
    /// of ``externalRanges``), most pods first.
    public var fromOutside: [Group]
    /// Classes that can connect to some address outside the cluster.
    public var toOutside: [Group]
    /// Classes every other endpoint can connect to on some port (`connections`: the intersection).
    public var openToAllPods: [Group]
    /// Classes no other endpoint and no outside address can connect to.
    public var isolated: [Group]
    /// Classes whose pods reach the most other pods (`count`: destination pods per pod).
    public var widestSources: [Group]
    /// Classes reached by the most other pods (`count`: source pods per pod).
    public var widestDestinations: [Group]
    /// External address ranges (IP atoms) of the analysis.
    public var externalRanges: Int
}

extension NetworkReach {
    /// The summary of the whole cluster (restricted to `probes` when given).
    /// - Complexity: O(K × (Q(K + E)/64 + K)) for K classes, Q port classes and E external atoms,
    ///   with the Q class matrices built once (Q × K²/8 bytes); never per pod pair.
    public func summary(probes: [ProbePort]?) -> ReachSummary {
        var signatures = ClassSignatures(reach: self, external: true)
        let k = signatures.classCount, e = signatures.externalCount, w = signatures.words
        var cache = SignatureCache(reach: self, probes: probes, words: w)
        let size = classes.members.map(\.count)
        let nsNames = Array(Set(endpoints.map(\.namespace))).sorted()
        let nsIndex = Dictionary(uniqueKeysWithValues: nsNames.enumerated().map { ($1, $0) })
        let nsOf = (0..<k).map { nsIndex[endpoints[classes.representative($0)].namespace] ?? 0 }
        var nsPods = [Int](repeating: 0, count: nsNames.count)
        for c in 0..<k { nsPods[nsOf[c]] += size[c] }
        var nsPairs: [Int: (pairs: Int, sig: [UInt64])] = [:]
        var inbound = [Int](repeating: 0, count: k), outbound = [Int](repeating: 0, count: k)
        var openSig = [[UInt64]?](repeating: nil, count: k)
        var toOutside = [[UInt64]](repeating: [UInt64](repeating: 0, count: w), count: k)
        var allowed = 0, rows = 0
        for c in 0..<k {
            signatures.fill(sourceClass: c)
            for d in 0..<(k + e) where signatures.any(d) {
                let slice = Array(signatures.sig[(d * w)..<(d * w + w)])
                guard slice.withUnsafeBufferPointer({ cache.index($0) }) >= 0 else { continue }
                if d >= k {
                    rows += 1
                    for i in 0..<w { toOutside[c][i] |= slice[i] }
                    continue
                }
                let pairs = size[c] * size[d] - (c == d ? size[c] : 0)
                guard pairs > 0 else { continue }
                rows += 1
                allowed += pairs
                outbound[c] += size[d] - (c == d ? 1 : 0)
                inbound[d] += size[c] - (c == d ? 1 : 0)
                openSig[d] = openSig[d].map { zip($0, slice).map { $0 & $1 } } ?? slice
                let key = nsOf[c] * nsNames.count + nsOf[d]
                var entry = nsPairs[key] ?? (0, [UInt64](repeating: 0, count: w))
                entry.pairs += pairs
                for i in 0..<w { entry.sig[i] |= slice[i] }
                nsPairs[key] = entry
            }
        }
        var fromOutsideSig = [[UInt64]](repeating: [UInt64](repeating: 0, count: w), count: k)
        var fromOutsideAtoms = [Int](repeating: 0, count: k)
        for x in 0..<e {
            signatures.fill(externalAtom: x)
            for d in 0..<k where signatures.any(d) {
                let slice = Array(signatures.sig[(d * w)..<(d * w + w)])
                guard slice.withUnsafeBufferPointer({ cache.index($0) }) >= 0 else { continue }
                rows += 1
                fromOutsideAtoms[d] += 1
                for i in 0..<w { fromOutsideSig[d][i] |= slice[i] }
            }
        }
        func set(_ sig: [UInt64]) -> ConnectionSet {
            let i = sig.withUnsafeBufferPointer { cache.index($0) }
            return i >= 0 ? cache.sets[i] : ConnectionSet()
        }
        func group(_ c: Int, _ conn: ConnectionSet = ConnectionSet(), count: Int = 0) -> ReachSummary.Group {
            ReachSummary.Group(label: classLabel(c), namespace: nsNames[nsOf[c]], pods: size[c], connections: conn, count: count)
        }
        let byPods: (ReachSummary.Group, ReachSummary.Group) -> Bool = {
            $0.pods != $1.pods ? $0.pods > $1.pods : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8)
        }
        let n = endpoints.count
        var summary = ReachSummary(
            endpoints: n, classes: k, namespaces: nsNames.count, policies: policies.count, probes: probes,
            allowedPairs: allowed, listRows: rows, namespacePairs: [], fromOutside: [], toOutside: [], openToAllPods: [],
            isolated: [], widestSources: [], widestDestinations: [], externalRanges: e)
        summary.namespacePairs = nsPairs.map { key, v in
            let a = key / nsNames.count, b = key % nsNames.count
            return ReachSummary.NamespacePair(source: nsNames[a], destination: nsNames[b], podPairs: v.pairs,
                                              possiblePairs: nsPods[a] * nsPods[b] - (a == b ? nsPods[a] : 0), connections: set(v.sig))
        }.sorted {
            $0.podPairs != $1.podPairs ? $0.podPairs > $1.podPairs
                : ($0.source, $0.destination) < ($1.source, $1.destination)
        }
        summary.fromOutside = (0..<k).filter { fromOutsideAtoms[$0] > 0 }
            .map { group($0, set(fromOutsideSig[$0]), count: fromOutsideAtoms[$0]) }.sorted(by: byPods)
        summary.toOutside = (0..<k).filter { toOutside[$0].contains { $0 != 0 } }
            .map { group($0, set(toOutside[$0])) }.sorted(by: byPods)
        summary.openToAllPods = (0..<k).filter { n > 1 && inbound[$0] == n - 1 }
            .map { group($0, openSig[$0].map(set) ?? ConnectionSet()) }.sorted(by: byPods)
        summary.isolated = (0..<k).filter { inbound[$0] == 0 && fromOutsideAtoms[$0] == 0 }.map { group($0) }.sorted(by: byPods)
        summary.widestSources = (0..<k).filter { outbound[$0] > 0 }.map { group($0, count: outbound[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : byPods($0, $1) }
        summary.widestDestinations = (0..<k).filter { inbound[$0] > 0 }.map { group($0, count: inbound[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : byPods($0, $1) }
        return summary
    }
}
