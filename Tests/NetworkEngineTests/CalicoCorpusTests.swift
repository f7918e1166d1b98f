import Foundation
import Testing
import ReachCore
import ReachModel
import ReachLoader
import ReachTestSupport
@testable import NetworkEngine

/// ../shared/corpus/calico's real Calico policies (hack/test/kind/migration/seed-resources.yaml,
/// app-policy/config/demo/30-policy.yaml) analysed under the Calico engine on pods they select,
/// against the naive evaluator, with the answers derived by hand from the manifests.
@Suite struct CalicoCorpusTests {
    @Test func corpusPoliciesAnalyseOnSelectedPods() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠︎ ../shared/corpus absent: skipping the Calico corpus analysis")
            return
        }
        var snap = ManifestLoader().load(paths: [corpus.appendingPathComponent("calico").path])
        let loc = SourceLocation(file: "synthetic", document: 1, line: 1)
        func pod(_ name: String, _ ns: String, _ labels: [String: String], _ ip: String) -> Pod {
            Pod(meta: ObjectMeta(name: name, namespace: ns, labels: labels, location: loc),
                spec: PodSpec(containers: [Container(name: "c", ports: [ContainerPort(name: "http", containerPort: 80, protocol: .tcp)])]),
                podIPs: [ip])
        }
        snap.pods += [pod("web", "migration-test", ["app": "web", "migration-test": "true"], "10.9.0.1"),
                      pod("other", "migration-test", ["migration-test": "true"], "10.9.0.2"),
                      pod("customer", "demo", ["app": "customer"], "10.9.1.1"),
                      pod("summary", "demo", ["app": "summary"], "10.9.1.2"),
                      pod("client", "demo", ["app": "client"], "10.9.1.3")]
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let (bad, _, _) = TierDifferentialTests.mismatches(reach)
        #expect(bad.isEmpty, "\(bad.prefix(5))")
        func idx(_ name: String) throws -> NetworkPeerRef {
            .endpoint(try #require(reach.endpoints.firstIndex { $0.name == name }))
        }
        let tcp80 = ProbePort(protocol: .tcp, port: 80), tcp5432 = ProbePort(protocol: .tcp, port: 5432)
        // test-allow-web (order 500) allows TCP 80 into web; test-deny-all (order 1000, no rules)
        // ends the default tier with a deny for everything else.
        #expect(reach.allowed(try idx("client"), try idx("web"), tcp80))  // test-allow-web: any source
        #expect(reach.allowed(try idx("client"), try idx("web"), tcp5432) == false)  // end of tier
        #expect(reach.allowed(try idx("web"), try idx("other"), tcp80) == false)   // security tier: egress only UDP/53
        #expect(reach.allowed(try idx("client"), try idx("other"), tcp5432) == false)
        // customer (GNP customer): ingress Allow with an http match read without it (upper bound).
        #expect(reach.allowed(try idx("client"), try idx("customer"), tcp80))
        // summary admits only service account "customer": not modelled, matches nothing → denied.
        #expect(reach.allowed(try idx("customer"), try idx("summary"), tcp80) == false)
    }
}
