import ReachModel

/// The matching helpers of `pkg/apis/rbac/v1/evaluation_helpers.go`, exact and case-sensitive.
public enum RuleMatching {
    /// `VerbMatches`: `*` matches every verb.
    /// - Complexity: O(|rule.verbs|).
    public static func verbMatches(_ rule: PolicyRule, _ verb: String) -> Bool {
        rule.verbs.contains { $0 == "*" || $0 == verb }
    }

    /// `APIGroupMatches`: `*` matches every group.
    /// - Complexity: O(|rule.apiGroups|).
    public static func apiGroupMatches(_ rule: PolicyRule, _ group: String) -> Bool {
        rule.apiGroups.contains { $0 == "*" || $0 == group }
    }

    /// `ResourceMatches`: `*` matches every resource and subresource; `*/sub` matches any
    /// resource whose subresource is exactly `sub`; `res/sub` matches literally.
    /// - Complexity: O(|rule.resources|).
    public static func resourceMatches(_ rule: PolicyRule, resource: String, subresource: String) -> Bool {
        let combined = subresource.isEmpty ? resource : "\(resource)/\(subresource)"
        for r in rule.resources {
            if r == "*" || r == combined { return true }
            // `*/sub`: length, prefix and suffix checks of upstream amount to equality after `*/`.
            if !subresource.isEmpty, r.hasPrefix("*/"), r.utf8.dropFirst(2).elementsEqual(subresource.utf8) {
                return true
            }
        }
        return false
    }

    /// `ResourceNameMatches`: an empty list matches every name; otherwise the request must name
    /// one of them (a request without a name never matches).
    /// - Complexity: O(|rule.resourceNames|).
    public static func resourceNameMatches(_ rule: PolicyRule, _ name: String) -> Bool {
        if rule.resourceNames.isEmpty { return true }
        return !name.isEmpty && rule.resourceNames.contains(name)
    }

    /// `NonResourceURLMatches`: `*` matches all; a trailing `*` is a prefix match.
    /// - Complexity: O(|rule.nonResourceURLs| × |path|).
    public static func nonResourceURLMatches(_ rule: PolicyRule, _ path: String) -> Bool {
        for url in rule.nonResourceURLs {
            if url == "*" || url == path { return true }
            if url.hasSuffix("*") {
                var prefix = Substring(url)
                while prefix.hasSuffix("*") { prefix = prefix.dropLast() }
                if path.hasPrefix(prefix) { return true }
            }
        }
        return false
    }

    /// `RuleAllows` of `plugin/pkg/auth/authorizer/rbac/rbac.go`: a resource request needs verb,
    /// apiGroup, resource and resourceName to match; a non-resource request needs verb and URL.
    /// - Complexity: O(size of the rule).
    public static func allows(_ rule: PolicyRule, _ request: AccessRequest) -> Bool {
        if request.isResourceRequest {
            return verbMatches(rule, request.verb) && apiGroupMatches(rule, request.apiGroup)
                && resourceMatches(rule, resource: request.resource, subresource: request.subresource)
                && resourceNameMatches(rule, request.name)
        }
        return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.nonResourceURL)
    }
}
