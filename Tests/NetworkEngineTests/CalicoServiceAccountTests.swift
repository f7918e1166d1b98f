import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// Calico's service-account matching, transcribed from projectcalico/calico:
/// `libcalico-go/lib/backend/k8s/conversion` (the workload endpoint gets
/// `projectcalico.org/serviceaccount: <spec.serviceAccountName>`; `ServiceAccountToProfile` gives
/// the `ksa.<ns>.<name>` profile the ServiceAccount's labels prefixed `pcsa.` and
/// `pcsa.projectcalico.org/name`), `libcalico-go/lib/backend/syncersv1/updateprocessors/rules.go`
/// (`parseServiceAccounts`: `names` → `projectcalico.org/serviceaccount in {…}`, `selector` keys
/// prefixed `pcsa.`, both AND-ed; `getEndpointSelector`: a namespaced policy limits the match to
/// its namespace) and `networkpolicyprocessor.go` (`serviceAccountSelector` AND-ed to `selector`).
/// Each case checks the bitset engine and the naive evaluator.
@Suite struct CalicoServiceAccountTests {
    /// x/a (account `api`, labelled `tier: front`), x/b (account `batch`, no ServiceAccount
    /// object), x/c (no serviceAccountName: `default`), y/d (account `api` of namespace y, labelled
    /// `tier: back`).
    static let cluster = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: x}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: y}
    ---
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: api, namespace: x, labels: {tier: front}}
    ---
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: api, namespace: y, labels: {tier: back}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: x, labels: {app: a}}
    spec: {serviceAccountName: api, containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.1}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, namespace: x, labels: {app: b}}
    spec: {serviceAccountName: batch, containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.2}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: c, namespace: x, labels: {app: c}}
    spec: {containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.3}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: d, namespace: y, labels: {app: d}}
    spec: {serviceAccountName: api, containers: [{name: c, image: i}]}
    status: {podIP: 10.0.1.1}
    """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The Calico policy (YAML after `apiVersion: projectcalico.org/v3`).
        var policy: String
        /// Every allowed (source, destination) pair on TCP/80 among a, b, c, d.
        var allowed: Set<String>
        var testDescription: String { name }
    }

    static let all: Set<String> = Set(["a", "b", "c", "d"].flatMap { s in ["a", "b", "c", "d"].filter { $0 != s }.map { "\(s)>\($0)" } })
    static func except(_ denied: Set<String>) -> Set<String> { all.subtracting(denied) }

    static let cases: [Case] = [
        Case(name: "serviceAccountSelector selects the pods whose ServiceAccount labels match (pcsa. prefix)",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {serviceAccountSelector: tier == 'front', ingress: [{action: Deny}]}",
             allowed: except(["b>a", "c>a", "d>a"])),
        Case(name: "serviceAccountSelector ANDs with selector: all() and tier == 'back' is y/d only",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: all(), serviceAccountSelector: tier == 'back', ingress: [{action: Deny}]}",
             allowed: except(["a>d", "b>d", "c>d"])),
        Case(name: "serviceAccountSelector on pcsa.projectcalico.org/name: the profile's name label",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {serviceAccountSelector: projectcalico.org/name == 'api', ingress: [{action: Deny}]}",
             allowed: except(["b>a", "c>a", "d>a", "a>d", "b>d", "c>d"])),
        Case(name: "no ServiceAccount object: no pcsa. labels, so has(projectcalico.org/name) misses x/b",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {serviceAccountSelector: '!has(projectcalico.org/name)', ingress: [{action: Deny}]}",
             allowed: except(["a>b", "c>b", "d>b", "a>c", "b>c", "d>c"])),
        Case(name: "an empty serviceAccountSelector adds no condition",
             policy: "kind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec: {selector: app == 'a', serviceAccountSelector: '', ingress: [{action: Deny}]}",
             allowed: except(["b>a", "c>a", "d>a"])),
        Case(name: "source serviceAccounts names: the projectcalico.org/serviceaccount label (unset = default)",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: app == 'a', ingress: [{action: Allow, source: {serviceAccounts: {names: [default, batch]}}}]}",
             allowed: except(["d>a"])),
        Case(name: "names of a GlobalNetworkPolicy match the account name in every namespace",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {serviceAccounts: {names: [api]}}}]}",
             allowed: except(["b>c"])),
        Case(name: "names of a namespaced policy: only that namespace's pods (getEndpointSelector)",
             policy: "kind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {serviceAccounts: {names: [api]}}}]}",
             allowed: except(["b>c", "d>c"])),
        Case(name: "namespaceSelector widens a namespaced policy's serviceAccounts to y",
             policy: "kind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {namespaceSelector: all(), serviceAccounts: {names: [api]}}}]}",
             allowed: except(["b>c"])),
        Case(name: "serviceAccounts selector on the ServiceAccount's labels",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {serviceAccounts: {selector: tier == 'back'}}}]}",
             allowed: except(["a>c", "b>c"])),
        Case(name: "names and selector are AND-ed (parseServiceAccounts)",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {serviceAccounts: {names: [api], selector: tier == 'front'}}}]}",
             allowed: except(["b>c", "d>c"])),
        Case(name: "destination serviceAccounts on egress",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: app == 'b', egress: [{action: Allow, destination: {serviceAccounts: {names: [api]}}}]}",
             allowed: except(["b>c"])),
        Case(name: "an empty serviceAccounts match adds no condition: the rule allows every source",
             policy: "kind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec: {selector: app == 'c', ingress: [{action: Allow, source: {serviceAccounts: {}}}]}",
             allowed: all),
        Case(name: "a plain selector may read projectcalico.org/serviceaccount directly",
             policy: "kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: projectcalico.org/serviceaccount == 'batch', ingress: [{action: Deny}]}",
             allowed: except(["a>b", "c>b", "d>b"])),
    ]

    static func analyze(_ policy: String) throws -> NetworkReach {
        let snap = ManifestLoader().load(sources: [("t.yaml", cluster + "\n---\napiVersion: projectcalico.org/v3\n" + policy)])
        #expect(!snap.hasErrors, "\(snap.diagnostics)")
        #expect(snap.calicoPolicies.count == 1)
        return NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
    }

    @Test(arguments: cases)
    func serviceAccountMatching(_ c: Case) throws {
        let reach = try Self.analyze(c.policy)
        let probe = ProbePort(protocol: .tcp, port: 80)
        var engine: Set<String> = [], naive: Set<String> = []
        for s in ["a", "b", "c", "d"] {
            for d in ["a", "b", "c", "d"] where s != d {
                let si = try #require(reach.endpointIndex(named: s == "d" ? "y/d" : "x/\(s)"))
                let di = try #require(reach.endpointIndex(named: d == "d" ? "y/d" : "x/\(d)"))
                if reach.allowed(.endpoint(si), .endpoint(di), probe) { engine.insert("\(s)>\(d)") }
                if reach.evaluator.allowed(.endpoint(si), .endpoint(di), probe) { naive.insert("\(s)>\(d)") }
            }
        }
        #expect(engine == c.allowed, "engine: extra \(engine.subtracting(c.allowed)), missing \(c.allowed.subtracting(engine))")
        #expect(naive == c.allowed, "naive: extra \(naive.subtracting(c.allowed)), missing \(c.allowed.subtracting(naive))")
        #expect(!reach.diagnostics.contains { $0.message.contains("serviceAccount") }, "\(reach.diagnostics)")
    }

    /// The endpoint labels Calico builds (conversion: pod labels, implicit labels, the profile's
    /// `pcsa.` labels where the pod has no label of that key).
    @Test func endpointLabels() throws {
        let snap = ManifestLoader().load(sources: [("t.yaml", Self.cluster)])
        let catalog = EndpointCatalog(snapshot: snap)
        let a = try #require(catalog.endpoints.first { $0.name == "a" })
        #expect(CalicoSemantics.endpointLabels(a, catalog: catalog) == [
            "app": "a", "projectcalico.org/namespace": "x", "projectcalico.org/orchestrator": "k8s",
            "projectcalico.org/serviceaccount": "api", "pcsa.tier": "front", "pcsa.projectcalico.org/name": "api"])
        let b = try #require(catalog.endpoints.first { $0.name == "b" })
        #expect(CalicoSemantics.endpointLabels(b, catalog: catalog)["projectcalico.org/serviceaccount"] == "batch")
        #expect(!CalicoSemantics.endpointLabels(b, catalog: catalog).keys.contains { $0.hasPrefix("pcsa.") })
        let c = try #require(catalog.endpoints.first { $0.name == "c" })
        #expect(c.serviceAccount == "default")
    }

    /// Classes split on the ServiceAccount only when a Calico policy can see it: x/a and x/c carry
    /// no label any selector reads, so without such a policy they share a class.
    @Test func classesSplitOnlyWhenServiceAccountsAreRead() throws {
        let plain = try Self.analyze("kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: has(zzz), ingress: [{action: Deny}]}")
        let sa = try Self.analyze("kind: GlobalNetworkPolicy\nmetadata: {name: p}\nspec: {selector: has(zzz), ingress: [{action: Deny, source: {serviceAccounts: {names: [api]}}}]}")
        #expect(sa.classes.count > plain.classes.count, "plain \(plain.classes.count), sa \(sa.classes.count)")
    }
}
