import ReachModel
import Testing
@testable import RBACEngine

/// Cases from kubernetes `pkg/apis/rbac/v1/evaluation_helpers.go` semantics (rbac.md rule 4).
@Suite struct RuleMatchingTests {
    @Test func starSubresourceMatchesOnlyThatSubresource() {
        let rule = PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["*/scale"])
        #expect(RuleMatching.resourceMatches(rule, resource: "deployments", subresource: "scale"))
        #expect(!RuleMatching.resourceMatches(rule, resource: "deployments", subresource: ""))
        #expect(!RuleMatching.resourceMatches(rule, resource: "deployments", subresource: "status"))
    }

    @Test func literalGlobsAreLiterals() {
        let rule = PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["*/*", "pods/*"])
        #expect(!RuleMatching.resourceMatches(rule, resource: "pods", subresource: "exec"))
        #expect(RuleMatching.resourceMatches(rule, resource: "pods", subresource: "*"))
    }

    @Test func resourceNamesNeverMatchUnnamedRequests() {
        let rule = PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"], resourceNames: ["db"])
        #expect(RuleMatching.resourceNameMatches(rule, "db"))
        #expect(!RuleMatching.resourceNameMatches(rule, ""))
        #expect(!RuleMatching.resourceNameMatches(rule, "other"))
    }

    @Test func nonResourceURLPrefixes() {
        let rule = PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/apis/*"])
        #expect(RuleMatching.nonResourceURLMatches(rule, "/healthz"))
        #expect(!RuleMatching.nonResourceURLMatches(rule, "/healthz/ready"))
        #expect(RuleMatching.nonResourceURLMatches(rule, "/apis/apps"))
        #expect(RuleMatching.nonResourceURLMatches(rule, "/apis/"))
        #expect(!RuleMatching.nonResourceURLMatches(rule, "/api"))
    }
}
