/// The footholds section of `docs/attack-techniques.md` (footholds.md), generated from the
/// technique files under `Footholds/Techniques/` like ``TechniqueDocs``.
public enum FootholdDocs {
    /// The Markdown section.
    /// - Complexity: O(number of techniques).
    public static func markdown() -> String {
        var out = """
        # Footholds: the internet, pods and nodes (footholds.md)

        `kube-reach paths --from internet|Pod:N/p|Node:n`, `paths --to-admin --footholds` and
        `who-can … --transitive --footholds` search one graph that adds to the identities above the states
        `Internet`, `Pod:N/p` (code execution in a pod; `N/name[Kind]` for a workload's template pod, as
        `reach` names it), `Node:n` (root on a node) and `Node:*` (root on the unknown node of a pod without
        `spec.nodeName`), with these edges, ranked after E10 in this order. Without `--footholds` or a
        foothold start every answer is the RBAC-only answer above.


        """
        out += "| # | ID | technique | exact condition | target(s) | assumption | fixture |\n"
        out += "|---|---|---|---|---|---|---|\n"
        for (i, t) in FootholdCatalog.all.enumerated() {
            let cells = [String(TechniqueCatalog.all.count + i + 1), t.id.raw, t.title, t.condition, t.targets,
                         t.isAssumption ? "yes" : "no", "[`\(t.id.raw)`](../Fixtures/attacks/\(t.id.raw)/)"]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        out += """

        ## Goals and path semantics

        * A `get secrets S -n N` goal is also held by `Pod:P` when P mounts S (a `secret` volume, a projected
          `secret` source, `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`, in any container) and by
          `Node:n` when a pod on n mounts it. A goal without a name is held by pods mounting any secret of N
          (footholds.md: "named or not"). `--to node` is any `Node:` state, `--to Node:n` that node.
        * Paths are minimal in edges. One reverse breadth-first search from the goal's holders gives every
          state's distance; a path then walks forward from its start, each step taking the first edge in the
          order of the tables (escalation.md's, then this one; within a technique, hyperedges in graph order)
          to a state one step closer. `paths --from` and the `who-can`/`--to-admin` lists give the same path.
          Bulk answers from one start to many goals (the audit's secrets reachable from the internet) use one
          forward search in which each state keeps the first edge that reaches it: also minimal, but ties may
          be broken differently. X1 and X2 are assumptions (an exposed or reachable service is exploitable):
          every step using them is marked, and `--no-assume-exploitable` removes them.
        * X2 is never expanded per pod pair: a set of pods is a bitset over endpoints, and one step ORs, per
          port class, the reach rows of the frontier's endpoint classes, then expands the reached classes to
          the pods listening on a port of that class. A brute-force test (explicit pod pairs decided by the
          naive per-pair policy evaluator, plain BFS) agrees with it on seeded random clusters.
        * Pods are the NetworkPolicy endpoints (Pod objects, and workloads without Pod objects as template
          pods) plus hostNetwork pods, which have no network edges. Template pods' ServiceAccounts are
          states, so F1 reaches them; E7p on a template pod needs `pods/exec` or `pods/attach` without
          `resourceNames` (its pods' names are chosen by the controller).

        ## Choices where footholds.md is silent

        * X1: Ingress and HTTPRoute/GRPCRoute backends are Services of the object's own namespace (a
          cross-namespace `backendRef` needs a ReferenceGrant, which is not loaded, so it is not followed).
          A backend port selects a Service port by number or name; an Ingress backend without a port takes
          every port. A Gateway's controller pods are the endpoints labelled
          `gateway.networking.k8s.io/gateway-name: <gateway>` in its namespace (GEP-1762); an Ingress
          controller is not identified, so Ingress backends are checked from any external address atom.
          A Service selects pods only through a non-empty selector (an empty one has no managed endpoints).
        * F2: capability names are compared case-insensitively without a `CAP_` prefix, and `ALL` adds every
          capability. Parents of the runtime sockets are those of their default locations
          (`/run/containerd/containerd.sock`, `/var/run/docker.sock`, `/run/crio/crio.sock`, and the same
          under the other of `/run`, `/var/run`). Paths are compared with repeated and trailing slashes removed.
        * E1n: any `pod-security.kubernetes.io/enforce` value other than `privileged` blocks the escaping pod
          (`baseline` and `restricted` both forbid `privileged: true`; other, invalid values are counted as
          blocking too, which was not checked against Pod Security Admission's code). The cluster-wide AdmissionConfiguration default is assumed to be
          the built-in `privileged`.
        * Gateway API objects are read from `gateway.networking.k8s.io` `v1` and `v1beta1` (GRPCRoute: `v1` and
          `v1alpha2`, the versions it was served as); a Service `backendRef` without `port` is an error (the
          API server rejects it), so the route is skipped like any object with an error.

        ## Not modelled (footholds.md)

        hostNetwork pods reaching node-local services; cloud metadata endpoints (the kubelet's and workload
        identities); exploits of the kubelet or the API server themselves; admission webhooks other than Pod
        Security Admission that might reject an escaping pod (E1n paths are subject to admission policy, e.g.
        the Azure Policy add-on); Node-authorizer paths from `Node:n` to the kubelet's credentials; the policy
        that decided an X2 or X1 step is not named (the port is).

        """
        return out
    }
}
