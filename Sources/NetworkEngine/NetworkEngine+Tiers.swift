import ReachCore
import ReachModel

extension NetworkEngine {
    /// Analyses `snapshot` under `engine`: its NetworkPolicies and `policy.networking.k8s.io` tier
    /// policies, nothing at all under ``ReachModel/PolicyEngineKind/none``, and Cilium's
    /// ipBlock semantics (no pod IPs) under ``ReachModel/PolicyEngineKind/cilium``.
    /// - Complexity: as ``analyze(_:eager:)`` plus the tier policies' rules as more rules; with
    ///   tier policies each port class costs O(K × active rules + distinct side rows × active
    ///   rules × (K + E) / 64 + K² / 64).
    public static func analyze(_ snapshot: ClusterSnapshot, engine: PolicyEngineChoice, eager: Bool = false) -> NetworkReach {
        let enforced = engine.engine != .none
        let catalog = EndpointCatalog(snapshot: snapshot)
        let cilium = engine.engine == .cilium ? CiliumLowered(snapshot.ciliumPolicies, catalog: catalog) : CiliumLowered()
        let calico = CalicoPolicy.resolvingTiers(snapshot.calicoPolicies, snapshot.calicoTiers)
        var reach = analyze(catalog: catalog, policies: enforced ? snapshot.networkPolicies : [],
                            adminPolicies: enforced ? snapshot.adminNetworkPolicies : [], cilium: cilium,
                            calicoPolicies: engine.engine == .calico ? calico : [], engine: engine, eager: eager)
        reach.diagnostics += cilium.diagnostics + ciliumNotRead(snapshot.ciliumPolicies, engine: engine)
        // Only when an engine was chosen: the implicit default keeps its findings as they were.
        if engine.explicit { reach.diagnostics += unmodelledPolicyKinds(snapshot.skippedKinds, engine: engine.engine) }
        reach.diagnostics += calicoDiagnostics(calico, engine: engine)
            + calicoTierDiagnostics(calico, snapshot.calicoTiers, admin: snapshot.adminNetworkPolicies, engine: engine)
        let ignored = snapshot.networkPolicies.count + snapshot.adminNetworkPolicies.count
        if !enforced, ignored > 0 {
            let first = snapshot.networkPolicies.first?.location ?? snapshot.adminNetworkPolicies.first?.meta.location
            reach.diagnostics.append(Diagnostic(
                id: NetworkDiagnosticID.engineNone, severity: .warning, location: first,
                message: "policy engine none (\(engine.reason)): \(ignored) polic\(ignored == 1 ? "y is" : "ies are") not enforced; every pair is allowed"))
        }
        return reach
    }

    /// Analyses NetworkPolicies and tier policies over a built catalog.
    /// - Complexity: see ``analyze(_:engine:eager:)``.
    public static func analyze(catalog: EndpointCatalog, policies: [NetworkPolicy], adminPolicies: [AdminNetworkPolicy],
                               calicoPolicies: [CalicoPolicy] = [], engine: PolicyEngineChoice, eager: Bool = false) -> NetworkReach {
        analyze(catalog: catalog, policies: policies, adminPolicies: adminPolicies, cilium: CiliumLowered(),
                calicoPolicies: calicoPolicies, engine: engine, eager: eager)
    }

    /// With Cilium policies lowered (``CiliumLowered``): their allow rules join the NetworkPolicies,
    /// their deny rules follow the Admin tier. With Calico policies (engine calico): Calico's tiers
    /// with the NetworkPolicies at order 1000.
    static func analyze(catalog: EndpointCatalog, policies k8sPolicies: [NetworkPolicy], adminPolicies: [AdminNetworkPolicy],
                        cilium: CiliumLowered, calicoPolicies calico: [CalicoPolicy] = [], engine: PolicyEngineChoice,
                        eager: Bool = false) -> NetworkReach {
        let policies = k8sPolicies + cilium.allow
        let nonIsolating = Set(cilium.nonIsolating.map { $0 + k8sPolicies.count })
        let admin = adminPolicies.sorted(by: AdminNetworkPolicy.evaluationOrder)
        let blocks = (policies + cilium.deny).flatMap { p in
            ((p.ingress ?? []) + (p.egress ?? [])).flatMap { rule in
                (rule.peers ?? []).compactMap(\.ipBlock).flatMap { b in ([b.cidr] + b.except).compactMap(CIDR.init) }
            }
        } + admin.flatMap(\.networkCIDRs)
        let ipAtoms = IPAtomTable(blocks: blocks + CalicoPolicy.netCIDRs(calico))
        let adminRefs = PolicyCompiler.adminNamedRefs(admin).union(CalicoPolicy.namedRefs(calico))
        let classes = EndpointClasses(catalog: catalog, policies: policies + cilium.deny, ipAtoms: ipAtoms,
                                      extraKeys: admin.reduce(into: Set<String>()) { $0.formUnion($1.podSelectorKeys) }
                                        .union(calico.reduce(into: Set<String>()) { $0.formUnion($1.selectorKeys) }),
                                      extraRefs: adminRefs, splitOnServiceAccount: calico.contains(where: \.usesServiceAccounts))
        var cuts = PolicyCompiler.portCuts(policies + cilium.deny, catalog)
        for (proto, set) in PolicyCompiler.adminPortCuts(admin, catalog) { cuts[proto, default: []].formUnion(set) }
        for (proto, set) in CalicoPolicy.portCuts(calico, catalog) { cuts[proto, default: []].formUnion(set) }
        let portAtoms = PortAtomTable(cuts: cuts)
        var compiler = PolicyCompiler(catalog: catalog, classes: classes, ipAtoms: ipAtoms, portAtoms: portAtoms)
        compiler.ipBlocksMatchPods = engine.engine != .cilium
        let ingress = CiliumLowered.restrict(compiler.compile(policies, .ingress), nonIsolating)
        let egress = CiliumLowered.restrict(compiler.compile(policies, .egress), nonIsolating)
        let refs = Set(EndpointClasses.namedPortRefs(policies + cilium.deny)).union(adminRefs)
            .sorted { ($0.name, $0.protocolName) < ($1.name, $1.protocolName) }
        var builder = ReachMatrixBuilder(
            classCount: classes.count, externalCount: ipAtoms.atoms.count, ingress: ingress, egress: egress,
            namedMask: ReachMatrixBuilder.namedMasks(classes: classes, catalog: catalog, refs: refs, portAtoms: portAtoms))
        var dirs = ingress + egress
        if !admin.isEmpty || !cilium.deny.isEmpty {
            let program = AdminTierProgram(ingress: compiler.compileAdmin(admin, .ingress) + compiler.compileCiliumDeny(cilium.deny, .ingress),
                                           egress: compiler.compileAdmin(admin, .egress) + compiler.compileCiliumDeny(cilium.deny, .egress),
                                           classCount: classes.count)
            builder.tiers = program
            dirs += (program.ingress + program.egress).map(\.asDirection)
        }
        if engine.engine == .calico {
            let program = compiler.compileCalico(calico, kubernetes: policies)
            builder.calico = program
            dirs += program.directions
        }
        let (portClassOfAtom, representatives) = portClasses(portAtoms, dirs, builder.namedMask)
        let store = PortClassStore(builder: builder, representatives: representatives)
        if eager { store.computeAll() }
        var reach = NetworkReach(catalog: catalog, policies: policies, classes: classes, portAtoms: portAtoms,
                                 ipAtoms: ipAtoms, portClassOfAtom: portClassOfAtom, store: store,
                                 diagnostics: catalog.diagnostics + directionDiagnostics(k8sPolicies) + adminDiagnostics(admin))
        reach.adminPolicies = admin
        reach.ciliumDeny = cilium.deny
        reach.ciliumPolicies = cilium.source
        reach.kubernetesPolicyCount = k8sPolicies.count
        reach.nonIsolating = nonIsolating
        if engine.engine == .calico { reach.calicoPolicies = calico }
        reach.engine = engine
        return reach
    }

    /// Engine-specific policy kinds in the input that the analysis leaves out (Calico's and
    /// Cilium's): a warning when the chosen engine enforces them (the answer is then not what the
    /// cluster enforces), a note otherwise (that engine does not read them).
    /// - Complexity: O(skipped kinds).
    static func unmodelledPolicyKinds(_ skipped: [String: Int], engine: PolicyEngineKind) -> [Diagnostic] {
        let families: [(prefix: String, kinds: Set<String>, engine: PolicyEngineKind, name: String)] = [
            ("projectcalico.org/", ["NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy"], .calico, "Calico"),
            ("cilium.io/", ["CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"], .cilium, "Cilium"),
        ]
        var out: [Diagnostic] = []
        for (key, n) in skipped.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let f = families.first(where: { parts[0].hasPrefix($0.prefix) && $0.kinds.contains(parts[1]) }) else { continue }
            let enforced = f.engine == engine
            let what = enforced
                ? "enforced by the \(f.name) engine but not modelled: the answer leaves \(n == 1 ? "it" : "them") out and may allow more or less than the cluster"
                : "not read by the \(engine.rawValue) engine: left out"
            out.append(Diagnostic(id: NetworkDiagnosticID.notModelled, severity: enforced ? .warning : .info, location: nil,
                                  message: "\(n) \(key) object\(n == 1 ? "" : "s") \(what)"))
        }
        return out
    }

    /// Tier-policy peers kube-reach cannot evaluate offline (nodes, domain names): they match
    /// nothing, which under-approximates what an Accept rule allows and what a Deny rule denies.
    static func adminDiagnostics(_ policies: [AdminNetworkPolicy]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for p in policies {
            for (i, rule) in p.egress.enumerated() {
                for peer in rule.peers {
                    let what: String
                    switch peer {
                    case .nodes: what = "nodes peers (node IPs) are not modelled"
                    case .domainNames: what = "domainNames peers are not modelled (no DNS offline)"
                    default: continue
                    }
                    out.append(Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: rule.location ?? p.meta.location,
                                          path: "spec.egress[\(i)].to",
                                          message: "\(p.displayName): \(what); the peer matches nothing here"))
                }
            }
        }
        return out
    }
}
