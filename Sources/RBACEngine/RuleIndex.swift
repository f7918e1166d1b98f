import ReachCore
import ReachModel

/// Inverted index from request attributes to the dense IDs of compiled rules, so that "which
/// rules allow this request" is a handful of word-parallel ORs and ANDs over ``ReachCore/BitSet``s.
///
/// Per attribute, a posting set per literal value plus one set for the wildcard form:
/// `verbs` + `*`; `apiGroups` + `*`; `resources` (literal strings, `*/*` and `pods/*` included)
/// + `*` + `*/sub` keyed by `sub`; rules without `resourceNames`, and the rules naming each name
/// (sparse: names are many and each is in few rules); non-resource URLs exact + `*` + one set per
/// distinct `prefix*`. A resource request then evaluates
/// `(verb ∪ verb*) ∩ (group ∪ group*) ∩ (res ∪ res* ∪ */sub) ∩ (unnamed ∪ name)` — exactly
/// `RuleAllows` (see ``RuleMatching/allows(_:_:)``), which a differential test checks.
///
/// - Complexity: building O(Σ rule sizes + K × R / 64) for K distinct verbs, groups and resources
///   and R rules; a query O(R / 64 × (8 + P)) word operations for P distinct URL prefixes,
///   independent of the number of bindings and subjects.
public struct RuleIndex: Sendable {
    public let ruleCount: Int
    private let verbs: [String: BitSet]
    private let verbStar: BitSet
    private let groups: [String: BitSet]
    private let groupStar: BitSet
    private let resources: [String: BitSet]
    private let resourceStar: BitSet
    private let starSubresource: [String: BitSet]
    private let unnamed: BitSet
    private let names: [String: [Int32]]
    private let urls: [String: BitSet]
    private let urlStar: BitSet
    private let urlPrefixes: [(prefix: String, rules: BitSet)]

    /// Indexes `rules`; rule `i` gets ID `i`.
    public init(rules: [PolicyRule]) {
        let n = rules.count
        ruleCount = n
        var b = Builder(capacity: n)
        for (id, rule) in rules.enumerated() { b.add(rule, id: id) }
        verbs = b.verbs.mapValues { BitSet(capacity: n, members: $0) }
        groups = b.groups.mapValues { BitSet(capacity: n, members: $0) }
        resources = b.resources.mapValues { BitSet(capacity: n, members: $0) }
        starSubresource = b.starSub.mapValues { BitSet(capacity: n, members: $0) }
        urls = b.urls.mapValues { BitSet(capacity: n, members: $0) }
        urlPrefixes = b.prefixes.keys.sorted().map { ($0, BitSet(capacity: n, members: b.prefixes[$0] ?? [])) }
        verbStar = b.verbStar; groupStar = b.groupStar; resourceStar = b.resourceStar
        unnamed = b.unnamed; urlStar = b.urlStar
        names = b.names
    }

    /// IDs of the rules that allow `request` (ignoring who asks and where the rule is bound).
    /// - Complexity: O(R / 64 × (8 + P)) plus the size of the name posting list.
    public func matching(_ request: AccessRequest) -> BitSet {
        var result = verbStar
        if let v = verbs[request.verb] { result.formUnion(v) }
        if request.isResourceRequest {
            var g = groupStar
            if let x = groups[request.apiGroup] { g.formUnion(x) }
            result.formIntersection(g)
            var r = resourceStar
            if let x = resources[request.combinedResource] { r.formUnion(x) }
            if !request.subresource.isEmpty, let x = starSubresource[request.subresource] { r.formUnion(x) }
            result.formIntersection(r)
            var nm = unnamed
            if !request.name.isEmpty, let list = names[request.name] { for id in list { nm.insert(Int(id)) } }
            result.formIntersection(nm)
        } else {
            var u = urlStar
            if let x = urls[request.nonResourceURL] { u.formUnion(x) }
            for (prefix, set) in urlPrefixes where request.nonResourceURL.hasPrefix(prefix) { u.formUnion(set) }
            result.formIntersection(u)
        }
        return result
    }

    private struct Builder {
        let capacity: Int
        var verbs: [String: [Int]] = [:], groups: [String: [Int]] = [:], resources: [String: [Int]] = [:]
        var starSub: [String: [Int]] = [:], urls: [String: [Int]] = [:], prefixes: [String: [Int]] = [:]
        var names: [String: [Int32]] = [:]
        var verbStar, groupStar, resourceStar, unnamed, urlStar: BitSet

        init(capacity: Int) {
            self.capacity = capacity
            verbStar = BitSet(capacity: capacity); groupStar = verbStar; resourceStar = verbStar
            unnamed = verbStar; urlStar = verbStar
        }

        mutating func add(_ rule: PolicyRule, id: Int) {
            for v in rule.verbs { if v == "*" { verbStar.insert(id) } else { verbs[v, default: []].append(id) } }
            for g in rule.apiGroups { if g == "*" { groupStar.insert(id) } else { groups[g, default: []].append(id) } }
            for r in rule.resources {
                if r == "*" { resourceStar.insert(id); continue }
                resources[r, default: []].append(id)
                if r.hasPrefix("*/") { starSub[String(r.dropFirst(2)), default: []].append(id) }
            }
            if rule.resourceNames.isEmpty {
                unnamed.insert(id)
            } else {
                for name in rule.resourceNames { names[name, default: []].append(Int32(id)) }
            }
            for u in rule.nonResourceURLs {
                if u == "*" { urlStar.insert(id); continue }
                urls[u, default: []].append(id)
                if u.hasSuffix("*") {
                    var p = Substring(u)
                    while p.hasSuffix("*") { p = p.dropLast() }
                    prefixes[String(p), default: []].append(id)
                }
            }
        }
    }
}
