/// The footholds section of `docs/attack-techniques.md` (footholds.md), generated from the
/// technique files under `Footholds/Techniques/` like ``TechniqueDocs``.
public enum FootholdDocs {
    /// The Markdown section.
    /// - Complexity: O(number of techniques).
    public static func markdown() -> String {
        var out = """
        # Footholds: the internet, pods and nodes (footholds.md)

        `kube-reach paths --from internet|Pod:N/p|Node:n` (drawn by `-o svg` and by `render attack` with the
        same `--from`/`--to`), `paths --to-admin --footholds` and
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
          every port. A Service selects pods only through a non-empty selector (an empty one has no managed
          endpoints).
        * X1 controller pods. When the controller pods of an Ingress or a route's parent Gateway are in the
          input, the backend counts as exposed only if one of them is reachable from an external address
          atom on a port it listens on (a declared `containerPort` or a Service target port) **and** reaches
          the backend on the target port; otherwise the backend is checked from any external atom. There
          is no field linking an IngressClass or GatewayClass to pods, so the link is what implementations
          put in their manifests:
          * Gateway: the endpoints of the Gateway's namespace labelled
            `gateway.networking.k8s.io/gateway-name: <gateway>`, the label implementations put on the
            data-plane pods they deploy for a Gateway (Gateway API GEP-1762, "In-Cluster Gateway
            Deployments"; Istio and Envoy Gateway set it). GatewayClass `controllerName` names a controller,
            not pods, so it is not needed for this link.
          * Ingress: its class is `spec.ingressClassName`, else the deprecated annotation
            `kubernetes.io/ingress.class`, else the one IngressClass annotated
            `ingressclass.kubernetes.io/is-default-class: "true"` (none when several are: the API server
            then picks the newest, and creation times are not read). The IngressClass's `spec.controller`
            is matched against the `--controller-class=` flag on the controller containers' command lines
            (ingress-nginx's flag, `docs/user-guide/cli-arguments.md`; its static and Helm manifests, e.g.
            `deploy/static/provider/cloud/deploy.yaml`, set it and the IngressClass `nginx` with
            `controller: k8s.io/ingress-nginx`). Controllers whose manifests carry no such link (Traefik,
            the AKS application-routing add-on, …) are not identified, and their Ingresses fall back to
            any external atom.
        * X1 and X2 steps name what decided them (the naive evaluator, networkpolicy.md): the port, the
          source (the first external address atom admitted, or the controller pod), and per direction the
          admin-tier rule that decided, else Calico's deciding policy, else the NetworkPolicies selecting
          the pod with their matching rules, or "no policy selects the pod" (X2's own wording: "not
          isolated").
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

        hostNetwork pods reaching node-local services; cloud metadata endpoints reached from pods (with
        `--azure`, a `Node:` state reaches the kubelet identity by AZ8 and a ServiceAccount its workload
        identity by AZ5, docs/azure.md); exploits of the kubelet or the API server themselves; admission webhooks other than Pod
        Security Admission that might reject an escaping pod; Node-authorizer paths from `Node:n` to the
        kubelet's credentials. With `paths --aks FILE`, when the cluster JSON shows the Azure Policy add-on
        enabled (`addonProfiles.azurepolicy.enabled: true`; it runs Gatekeeper with Azure Policy's constraints
        as a validating admission webhook), the steps that make an API request such a webhook sees — E1n
        (create an escaping pod) and E7p (connect to `pods/exec`/`pods/attach`) — are marked "subject to
        admission policy" in text (`note:`), JSON (`subjectToAdmissionPolicy`) and DOT/SVG. F1–F3, X1 and X2
        make no API request, so admission cannot stop them; the policies themselves are not read.

        """
        return out
    }
}
