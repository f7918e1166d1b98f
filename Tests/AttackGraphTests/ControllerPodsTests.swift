import AttackGraph
import Foundation
import ReachTestSupport
import Testing

/// X1 for Ingress and Gateway API backends (footholds.md: "from the ingress/gateway controller's
/// pods when they are in the input, else from any external atom"): the backend must be reachable
/// from a controller pod that is itself reachable from outside. Controllers are identified by the
/// IngressClass's `spec.controller` against ingress-nginx's `--controller-class` flag, and by the
/// Gateway API label `gateway.networking.k8s.io/gateway-name` (GEP-1762). Fixtures:
/// `Fixtures/footholds/controllers/`, each differing from its positive one by one fact.
@Suite struct ControllerPodsTests {
    static func x1(_ file: String) -> [FootholdStep] {
        FootholdWorld("footholds/controllers/\(file)").edges("Internet", "Pod:prod/web").filter { $0.technique.raw == "X1" }
    }

    @Test func ingressBackendReachedThroughTheExposedController() throws {
        let step = try #require(Self.x1("ingress-nginx.yaml").first)
        #expect(step.object == "Ingress/prod/web → Service/prod/web port 80 → TCP/8080")
        // The deciding policy is the one admitting the controller's namespace, not an external atom.
        #expect(step.detail == "port TCP/8080 from ingress-nginx/controller; ingress: NetworkPolicy prod/from-ingress rule 1; egress: no policy selects the pod")
    }

    @Test func theDefaultIngressClassAppliesToIngressesWithoutAClass() {
        #expect(Self.x1("ingress-default-class.yaml").count == 1)
    }

    @Test func anUnexposedControllerExposesNothing() {
        #expect(Self.x1("ingress-nginx-unexposed.yaml").isEmpty)
    }

    /// prod/web admits every external address but not the controller: with the controller in the
    /// input, the Ingress path runs through it, so there is no X1 (before controllers were
    /// identified this fixture had one).
    @Test func aControllerThatCannotReachTheBackendExposesNothing() {
        #expect(Self.x1("ingress-nginx-blocked.yaml").isEmpty)
    }

    @Test func gatewayBackendReachedThroughTheGatewayPod() throws {
        let step = try #require(Self.x1("gateway.yaml").first)
        #expect(step.object == "HTTPRoute/prod/web → Service/prod/web port 80 → TCP/8080")
        #expect(step.detail.hasPrefix("port TCP/8080 from infra/gw-pod; ingress: NetworkPolicy prod/from-gateway rule 1"))
        #expect(Self.x1("gateway-unexposed.yaml").isEmpty)
    }

    /// Without any policy on the exposed pod the X1 step says so, and names the external atom.
    @Test func x1StepNamesTheDecidingPolicyOrItsAbsence() throws {
        let open = try #require(FootholdWorld("attacks/X1/positive.yaml").edges("Internet", "Pod:prod/web").first)
        #expect(open.detail.hasPrefix("port TCP/8080 from "))
        #expect(open.detail.hasSuffix("[External]; ingress: no policy selects the pod"))
    }
}
