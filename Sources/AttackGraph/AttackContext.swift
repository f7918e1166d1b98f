import ReachCore
import RBACEngine
import ReachModel

/// One edge: `from` can act as `to` using `technique`.
public struct AttackEdge: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var technique: TechniqueID
    /// The requests of the condition (alternatives included, in condition order); a report shows
    /// those the source state actually holds.
    public var requests: [AccessRequest]
    /// The object used (pod, secret, node, controller, …), empty when none.
    public var object: String
}

/// What the techniques see while the graph is built: the states, the candidates, a per-request
/// cache of ``StateTable/allowed(_:)`` and the edge sink.
public final class AttackContext {
    public let table: StateTable
    public let candidates: Candidates
    /// A name no rule mentions (a control character), so only rules without `resourceNames`
    /// allow it: escalation.md's *fresh name*.
    public static let freshName = "\u{1}kube-reach-fresh"
    private var cache: [AccessRequest: BitSet] = [:]
    private(set) var edges: [AttackEdge] = []
    /// Target states not yet in the table (self-grants found in this round).
    private(set) var newStates: Set<AttackState> = []
    var technique = TechniqueID("")

    init(table: StateTable, candidates: Candidates) {
        self.table = table
        self.candidates = candidates
    }

    /// Every state allowed `request` (cached).
    /// - Complexity: see ``StateTable/allowed(_:)`` on a miss, O(1) expected on a hit.
    public func allowed(_ request: AccessRequest) -> BitSet {
        if let hit = cache[request] { return hit }
        let set = table.allowed(request)
        cache[request] = set
        return set
    }

    /// States allowed at least one of `requests`.
    public func anyAllowed(_ requests: [AccessRequest]) -> BitSet {
        var out = BitSet(capacity: table.count)
        for r in requests { out.formUnion(allowed(r)) }
        return out
    }

    /// Adds an edge from every member of `sources` to `target`.
    public func add(from sources: BitSet, to target: Principal, requests: [AccessRequest], object: String = "") {
        guard !sources.isEmpty, let to = table.id(of: AttackState(target)) else { return }
        sources.forEachMember { from in
            if from != to { edges.append(AttackEdge(from: from, to: to, technique: technique, requests: requests, object: object)) }
        }
    }

    /// Adds an edge from every member of `sources` to its own base identity plus `grant`.
    public func add(from sources: BitSet, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        sources.forEachMember { from in add(from: from, grant: grant, requests: requests, object: object) }
    }

    /// Adds an edge from `from` to its base identity plus `grant`.
    public func add(from: Int, grant: SelfGrant, requests: [AccessRequest], object: String = "") {
        var target = table[from].base
        target.grant = grant
        guard let to = table.id(of: target) else {
            newStates.insert(target)
            return
        }
        if from != to { edges.append(AttackEdge(from: from, to: to, technique: technique, requests: requests, object: object)) }
    }
}

extension AccessRequest {
    /// Shorthand for the technique files: a resource request.
    static func r(_ verb: String, _ group: String, _ resource: String, sub: String = "", name: String = "",
                  ns: String = "") -> AccessRequest {
        AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub, name: name, namespace: ns)
    }
}
