import AttackGraph
import AzureEngine
import NetworkEngine
import RBACEngine
import ReachModel

/// A goal of `paths --azure`: a Kubernetes request, or a Key Vault secret (`keyvault VAULT/SECRET`).
public enum AzurePathGoal: Hashable, Sendable, CustomStringConvertible {
    case kubernetes(AccessRequest)
    case keyVault(vault: String, secret: String)
    /// A foothold goal other than a request (`node`, `Node:n`), with a foothold graph only.
    case foothold(FootholdGoal)

    /// Parses `keyvault VAULT/SECRET`; `nil` for anything else (a Kubernetes request is parsed by the CLI).
    public static func keyVault(parsing text: String) -> AzurePathGoal? {
        let words = text.split(separator: " ")
        guard words.count == 2, words[0] == "keyvault" else { return nil }
        let parts = words[1].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return .keyVault(vault: String(parts[0]), secret: String(parts[1]))
    }

    public var description: String {
        switch self {
        case .kubernetes(let r): r.description
        case .keyVault(let v, let s): "keyvault \(v)/\(s)"
        case .foothold(let g): g.description
        }
    }
}

/// One step of an Azure-aware path: an identity edge (AZ1–AZ9) or an escalation edge (E1–E13).
public struct AzurePathStep: Hashable, Sendable {
    public var technique: String
    public var title: String
    public var to: String
    /// Grants, settings or the object used.
    public var evidence: [String]
    /// Whether the step is an assumption (X1, X2 of footholds.md: a service is exploitable).
    public var isAssumption: Bool = false
    /// Set on E1n and E7p steps by ``AzurePathReport/marked(_:)`` when the cluster runs an
    /// admission policy engine besides Pod Security Admission (``FootholdAdmission``).
    public var admissionNote: String? = nil
}

/// A minimal path across the Azure identity layer and the Kubernetes attack graph.
public struct AzurePathReport: Sendable {
    public var start: String
    public var goal: AzurePathGoal
    /// `nil` when unreachable; empty when the start holds the goal.
    public var steps: [AzurePathStep]?
    /// What grants the goal at the last state.
    public var goalGrantedBy: [String]
    /// Whether the search crossed the foothold graph (footholds.md); reports then list assumptions.
    public var footholds: Bool = false
    /// Indices of the steps that are assumptions (X1, X2).
    public var assumptionSteps: [Int] { (steps ?? []).indices.filter { steps?[$0].isAssumption == true } }
}

/// Shortest paths over Azure principals, Kubernetes identities and Key Vault secrets
/// (docs/azure.md "Paths"): nodes are Entra objects, attack-graph states and secret targets;
/// edges are the Azure identity edges and the attack graph's edges. A Kubernetes goal is held by a
/// state whose RBAC allows it or, for an Entra identity, whose Azure RBAC for Kubernetes allows it.
/// With a network analysis (`reach`), the states are the foothold graph's (footholds.md: also
/// `Internet`, `Pod:`, `Node:`; a pod or node holding the secret holds a `get secrets` goal) and a
/// `Node:` state has the edge AZ8 to the kubelet identity (``footholdEdges(from:)``).
///
/// - Complexity: one breadth-first search per question, O(N × H) for N nodes and H hyperedges the
///   first time (a state's edges are found by scanning the hyperedges, then kept), plus the Azure
///   edges of each Entra object reached; ``azureHolders(of:)`` answers every known object with one
///   reverse search (AzureHolderSearch.swift). With footholds, building the ``FootholdGraph`` once,
///   and a pod or node state's edges cost one level of ``FootholdSearch`` from that state (X2 one
///   ``LateralMovement`` step).
public struct AzurePathFinder {
    public let analysis: AzureAnalysis
    public let graph: AttackGraph
    let snapshot: ClusterSnapshot
    /// Object ID → its Kubernetes identity state (Entra-integrated clusters).
    let entraStates: [String: AttackState]
    /// ServiceAccount → its AZ5 (workload identity) and AZ9 (SecretProviderClass mount) edges.
    let workload: [String: [AzureRoute]]
    /// Attack-graph state → the Entra object whose Kubernetes identity it is.
    let entraByState: [Int: String]
    /// Edges already computed per node (each node's edges are built once across searches).
    let memo = EdgeMemo()
    /// The foothold graph over ``graph`` (footholds.md) when the question asks for footholds: then
    /// `.state` nodes are its state IDs (identity IDs are the attack graph's) and a `Node:` state
    /// has the edge AZ8 to the kubelet identity.
    public let footholds: FootholdGraph?
    /// With ``footholds``: whether X1/X2 are edges.
    public let assumeExploitable: Bool

    /// Not shared across threads: a finder answers one command.
    final class EdgeMemo: @unchecked Sendable {
        var edges: [Node: [(Node, AzurePathStep)]] = [:]
    }

    /// The attack graph is built over the snapshot plus Azure RBAC for Kubernetes as RBAC objects
    /// (``AzureRBACSynthesis``, exact for the escalation conditions and `goals`), with the
    /// Kubernetes identity of every known Entra object as a start.
    /// `entraStarts`: the object IDs whose Kubernetes identity becomes a state (`nil`: every known
    /// object; a single `--from` needs only its own and the managed identities', which AZ5 reaches).
    /// `reach`: the network analysis; when given, the search runs on the foothold graph
    /// (``FootholdGraph``, built over the same attack graph) with `assumeExploitable` for X1/X2.
    public init(analysis: AzureAnalysis, analyzer: Analyzer, index: RBACIndex, goals: [AccessRequest] = [],
                entraStarts: [String]? = nil, reach: NetworkReach? = nil, assumeExploitable: Bool = true) {
        self.analysis = analysis
        snapshot = analyzer.snapshot
        var states: [String: AttackState] = [:]
        if analysis.authorizer.entraIntegrated {
            // With footholds, AZ8 reaches the kubelet identity, which may not be in identities.json.
            let kubelet = reach == nil ? [] : [analysis.authorizer.kubeletIdentity()?.objectID].compactMap { $0 }
            let mis = analysis.authorizer.environment.identities.map(\.principalId) + kubelet
            for oid in entraStarts.map({ Set($0 + mis).sorted() }) ?? analysis.authorizer.directory.allObjectIDs {
                let id = analysis.authorizer.kubernetesIdentity(oid)
                let p: Principal = id.user.map { .user($0) } ?? .group(oid)
                states[oid] = AttackGraph.start(p, groups: id.groups)
            }
        }
        entraStates = states
        let augmented = AzureRBACSynthesis.augment(analyzer.snapshot, authorizer: analysis.authorizer, goals: goals)
        let extra = reach == nil ? [] : FootholdGraph.templateServiceAccounts(analyzer.snapshot)
        let attack = AttackGraph(snapshot: augmented, index: RBACIndex(snapshot: augmented, options: index.options),
                                 starts: states.values.sorted() + extra)
        graph = attack
        footholds = reach.map { FootholdGraph(snapshot: augmented, attack: attack, reach: $0) }
        self.assumeExploitable = assumeExploitable
        var byState: [Int: String] = [:]
        for (oid, state) in states { if let id = graph.table.id(of: state) { byState[id] = oid } }
        entraByState = byState
        workload = Dictionary(grouping: analysis.authorizer.workloadIdentityRoutes(snapshot: analyzer.snapshot)
                                  + analysis.authorizer.secretProviderClassRoutes(snapshot: analyzer.snapshot), by: \.from)
    }

    enum Node: Hashable {
        case azure(String)
        case state(Int)
        case target(String)
    }

    /// The node `text` names: an Azure principal, or a Kubernetes subject (with `groups` added).
    func startNode(_ text: String, groups: [String]) -> Node? {
        if let f = footholds, let state = FootholdState.parse(text) { return f.id(of: state).map { .state($0) } }
        if let oid = analysis.objectID(of: text) { return .azure(oid) }
        guard let p = Principal(parsing: text) else { return nil }
        let start = AttackGraph.start(p, groups: groups.isEmpty ? nil : AttackState(p).identity.groups + groups)
        return graph.table.id(of: start).map { .state($0) }
    }

    /// The minimal path from `start` to `goal`; `nil` when `start` is unknown.
    public func path(from start: String, groups: [String] = [], to goal: AzurePathGoal) -> AzurePathReport? {
        guard let first = startNode(start, groups: groups) else { return nil }
        let holders = holderStates(goal)
        var parent: [Node: (Node, AzurePathStep)] = [:]
        var seen: Set<Node> = [first], queue = [first], head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if let granted = holds(node, goal, holders) {
                return AzurePathReport(start: start, goal: goal, steps: unwind(node, parent), goalGrantedBy: granted,
                                       footholds: footholds != nil)
            }
            let out: [(Node, AzurePathStep)]
            if let hit = memo.edges[node] { out = hit } else {
                out = edges(from: node)
                memo.edges[node] = out
            }
            for (next, step) in out where seen.insert(next).inserted {
                parent[next] = (node, step)
                queue.append(next)
            }
        }
        return AzurePathReport(start: start, goal: goal, steps: nil, goalGrantedBy: [], footholds: footholds != nil)
    }

    func unwind(_ node: Node, _ parent: [Node: (Node, AzurePathStep)]) -> [AzurePathStep] {
        var steps: [AzurePathStep] = [], cur = node
        while let (prev, step) = parent[cur] {
            steps.append(step)
            cur = prev
        }
        return steps.reversed()
    }

    /// What grants `goal` at `node`, or `nil` when it does not hold it.
    func holds(_ node: Node, _ goal: AzurePathGoal, _ holders: Set<Int>) -> [String]? {
        switch (node, goal) {
        case (.target(let t), .keyVault(let v, let s)):
            return t == "keyvault \(v)/\(s)" || t == "keyvault \(v)/*" ? [t] : nil
        case (.state(let s), .foothold):
            return holders.contains(s) ? [] : nil
        case (.state(let s), .kubernetes(let r)):
            if let f = footholds, s >= f.identityCount { return holders.contains(s) ? f.heldBy(s, .request(r)) : nil }
            if holders.contains(s) { return graph.grantedBy(graph.table[s], r) }
            if let oid = entraByState[s] {
                let g = analysis.authorizer.kubernetesGrants(oid, r)
                return g.isEmpty ? nil : g.map { "Azure RBAC: \($0)" }
            }
            return nil
        default:
            return nil
        }
    }

    /// Edges in canonical order: Azure identity edges by technique, then the attack graph's.
    func edges(from node: Node) -> [(Node, AzurePathStep)] {
        switch node {
        case .target:
            return []
        case .azure(let oid):
            return analysis.authorizer.routes(from: oid).compactMap { r in
                let step = AzurePathStep(technique: r.technique.rawValue, title: r.technique.title, to: r.to, evidence: r.evidence)
                if r.to.hasPrefix("keyvault ") || r.to.hasPrefix("acr ") { return (.target(r.to), step) }
                if r.technique == .entraIdentity { return entraStates[oid].flatMap { graph.table.id(of: $0) }.map { (.state($0), step) } }
                guard let p = Principal(parsing: r.to), let id = graph.table.id(of: AttackState(p)) else { return nil }
                return (.state(id), step)
            }
        case .state(let s) where footholds != nil:
            return footholdEdges(from: s)
        case .state(let s):
            let out: [(Node, AzurePathStep)] = graph.edges(from: s).map { e in
                let title = TechniqueCatalog.technique(e.technique)?.title ?? e.technique.raw
                return (.state(e.to), AzurePathStep(technique: e.technique.raw, title: title, to: graph.table[e.to].description,
                                                    evidence: e.object.isEmpty ? [] : [e.object]))
            }
            return out + workloadEdges(from: s)
        }
    }

    /// AZ5 (and AZ9's Key Vault targets) from an attack-graph state that is a plain ServiceAccount.
    func workloadEdges(from s: Int) -> [(Node, AzurePathStep)] {
        let state = graph.table[s]
        guard state.grant == nil, state.groups == nil, case .serviceAccount = state.principal else { return [] }
        return (workload[state.principal.description] ?? []).compactMap { r in
            let step = AzurePathStep(technique: r.technique.rawValue, title: r.technique.title, to: r.to, evidence: r.evidence)
            if r.to.hasPrefix("keyvault ") { return (.target(r.to), step) }
            guard let ref = AzurePrincipalRef(parsing: r.to), let oid = analysis.authorizer.directory.objectID(of: ref) else { return nil }
            return (.azure(oid), step)
        }
    }
}
