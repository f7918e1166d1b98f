import ReachLoader
import ReachModel
import Testing

/// Gateway API objects and Ingress backend ports (footholds.md X1). Field names and defaults from
/// the Gateway API reference (gateway-api `apis/v1/httproute_types.go`: `parentRefs[].kind`
/// defaults to `Gateway`, `backendRefs[].kind` to `Service`, `group` to core; a Service backend
/// needs `port`) and networking.k8s.io/v1 `IngressServiceBackend` (`port.number` | `port.name`).
@Suite struct GatewayAPITests {
    @Test func gatewayAndRoutesAreLoaded() {
        let s = load("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: istio
          listeners: [{name: http, port: 80, protocol: HTTP}]
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata: {name: web, namespace: prod}
        spec:
          parentRefs: [{name: gw, namespace: infra}]
          rules:
          - backendRefs:
            - {name: web, port: 8080}
            - {name: bucket, kind: Backend, group: example.com}
            - {name: other, namespace: shop, port: 80}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc, namespace: prod}
        spec:
          parentRefs: [{name: gw2}]
          rules: [{backendRefs: [{name: rpc, port: 9090}]}]
        """)
        #expect(s.errors.isEmpty)
        #expect(s.gateways.map(\.name) == ["gw"])
        #expect(s.gateways.first?.listeners == [GatewayListener(name: "http", port: 80, protocolName: "HTTP")])
        #expect(s.routes.map(\.kind) == [.grpcRoute, .httpRoute])
        let http = s.routes.first { $0.kind == .httpRoute }
        #expect(http?.parentGateways == ["infra/gw"])
        #expect(http?.backends == [ServiceBackendRef(namespace: "prod", name: "web", port: .number(8080)),
                                   ServiceBackendRef(namespace: "shop", name: "other", port: .number(80))].sorted())
        #expect(s.routes.first?.parentGateways == ["prod/gw2"])
        #expect(s.count(of: .httpRoute) == 1 && s.count(of: .grpcRoute) == 1)
    }

    @Test func wrongTypedFieldsGiveLocatedDiagnostics() {
        let s = load("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: prod}
        spec:
          rules:
          - backendRefs:
            - {name: web}
            - {name: api, port: 70000}
            - {name: x, port: [1]}
        """, name: "r.yaml")
        let messages = s.errors.map { "\($0.location?.line ?? 0):\($0.path ?? ""): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("7:spec.rules[0].backendRefs[0].port: required") })
        #expect(messages.contains { $0.hasPrefix("8:") && $0.contains("out of range") })
        #expect(messages.contains { $0.hasPrefix("9:") && $0.contains("integer") })
        // As for every kind, an object with an error is not kept (the API server rejects it).
        #expect(s.routes.isEmpty)
    }

    @Test func ingressBackendsKeepTheirPort() {
        let s = load("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i, namespace: prod}
        spec:
          defaultBackend: {service: {name: web, port: {number: 80}}}
          rules:
          - http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
        """)
        #expect(s.errors.isEmpty)
        #expect(s.ingresses.first?.backends == [ServiceBackendRef(name: "api", port: .name("http")),
                                                ServiceBackendRef(name: "web", port: .number(80))])
        #expect(s.ingresses.first?.backendServices == ["api", "web"])
    }
}
