#!/usr/bin/env python3
"""Writes Fixtures/audit/<ID>/{positive,negative}/ for every audit check.

Hand-written inputs (not copies of corpus files): a hardened baseline cluster document and
manifest set, and one small change per check. `positive` must trigger the check (or, for checks
that need data outside `az aks show`, be reported as not evaluated); `negative` must not.
Cluster documents alternate between the ARM REST shape and the flattened `az aks show -o json`
shape with az-style key spellings (enableRbac, authorizedIpRanges, nodeOsUpgradeChannel), so
both readers' paths are exercised. Run from the package root: python3 Fixtures/audit/generate_fixtures.py
"""
import copy, json, os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))

def good_cluster():
    return {
        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/hardened",
        "name": "hardened", "type": "Microsoft.ContainerService/ManagedClusters", "location": "westeurope",
        "identity": {"type": "SystemAssigned", "principalId": "11111111-1111-1111-1111-111111111111"},
        "properties": {
            "kubernetesVersion": "1.33.2", "enableRBAC": True, "disableLocalAccounts": True,
            "aadProfile": {"managed": True, "enableAzureRBAC": True, "adminGroupObjectIDs": ["22222222-2222-2222-2222-222222222222"]},
            "apiServerAccessProfile": {"enablePrivateCluster": False, "authorizedIPRanges": ["203.0.113.0/24"]},
            "servicePrincipalProfile": {"clientId": "msi"},
            "networkProfile": {"networkPlugin": "azure", "networkPolicy": "cilium", "networkDataplane": "cilium"},
            "agentPoolProfiles": [
                {"name": "system", "mode": "System", "count": 3, "enableEncryptionAtHost": True, "enableNodePublicIP": False},
                {"name": "user", "mode": "User", "count": 3, "enableEncryptionAtHost": True, "enableNodePublicIP": False},
            ],
            "addonProfiles": {
                "omsagent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": "/subscriptions/x/workspaces/w"}},
                "azurepolicy": {"enabled": True},
                "azureKeyvaultSecretsProvider": {"enabled": True, "config": {"enableSecretRotation": "true", "rotationPollInterval": "2m"}},
                "httpApplicationRouting": {"enabled": False},
            },
            "securityProfile": {
                "defender": {"securityMonitoring": {"enabled": True}},
                "workloadIdentity": {"enabled": True},
                "azureKeyVaultKms": {"enabled": True, "keyId": "https://kv.vault.azure.net/keys/etcd/1", "keyVaultNetworkAccess": "Private"},
            },
            "oidcIssuerProfile": {"enabled": True, "issuerURL": "https://westeurope.oic.prod-aks.azure.com/t/i/"},
            "podIdentityProfile": {"enabled": False},
            "autoUpgradeProfile": {"upgradeChannel": "patch", "nodeOSUpgradeChannel": "NodeImage"},
        },
    }

AZ_SPELLINGS = {"enableRBAC": "enableRbac", "authorizedIPRanges": "authorizedIpRanges",
                "nodeOSUpgradeChannel": "nodeOsUpgradeChannel", "enableAzureRBAC": "enableAzureRbac",
                "omsagent": "omsAgent", "adminGroupObjectIDs": "adminGroupObjectIds"}

def respell(value):
    if isinstance(value, dict):
        return {AZ_SPELLINGS.get(k, k): respell(v) for k, v in value.items()}
    if isinstance(value, list):
        return [respell(v) for v in value]
    return value

def flattened(doc):
    """The `az aks show -o json` shape: properties merged into the top level, az key spellings."""
    out = {k: v for k, v in doc.items() if k != "properties"}
    out.update(doc.get("properties", {}))
    return respell(out)

def cluster_case(change, shape):
    doc = good_cluster()
    change(doc["properties"], doc)
    return flattened(doc) if shape == "flat" else doc

# --- manifests -------------------------------------------------------------------------------

def namespace(name="shop", labels=None):
    labels = {"pod-security.kubernetes.io/enforce": "restricted"} if labels is None else labels
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

def default_deny(ns="shop"):
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "default-deny", "namespace": ns},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}

def allow_web(ns="shop"):
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "allow-web", "namespace": ns},
            "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress"],
                     "ingress": [{"ports": [{"port": 8080}]}]}}

def quota(ns="shop"):
    return {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "quota", "namespace": ns},
            "spec": {"hard": {"requests.cpu": "4", "requests.memory": "8Gi", "pods": "20"}}}

def limits(ns="shop"):
    return {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "limits", "namespace": ns},
            "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m", "memory": "256Mi"}}]}}

def container(name="web", image="contoso.azurecr.io/shop/web:1.4.2"):
    return {"name": name, "image": image, "ports": [{"containerPort": 8080}],
            "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"}},
            "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                "capabilities": {"drop": ["ALL"]}}}

def deployment(ns="shop", name="web"):
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "namespace": ns},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"serviceAccountName": name, "automountServiceAccountToken": False,
                                           "securityContext": {"runAsNonRoot": True, "runAsUser": 10001,
                                                               "seccompProfile": {"type": "RuntimeDefault"}},
                                           "containers": [container(name)]}}}}

def good_manifests():
    return [namespace(), default_deny(), allow_web(), quota(), limits(), deployment()]

def pod_spec(docs):
    return next(d for d in docs if d["kind"] == "Deployment")["spec"]["template"]["spec"]

def manifest_case(change):
    docs = good_manifests()
    result = change(docs)
    return result if result is not None else docs

def drop_kind(kind):
    return lambda docs: [d for d in docs if d["kind"] != kind]

def csc(key, value):
    def change(docs):
        pod_spec(docs)["containers"][0]["securityContext"][key] = value
    return change

def pod_field(key, value):
    def change(docs):
        pod_spec(docs)[key] = value
    return change

# --- the cases ---------------------------------------------------------------------------------

def setp(path, value):
    """A cluster change setting properties.<path> (dotted)."""
    def change(props, doc):
        node = props
        keys = path.split(".")
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node[keys[-1]] = value
    return change

def delp(path):
    def change(props, doc):
        node = props
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[k]
        node.pop(keys[-1], None)
    return change

def both(*changes):
    def change(props, doc):
        for c in changes:
            c(props, doc)
    return change

def no_identity(props, doc):
    doc.pop("identity", None)
    props["servicePrincipalProfile"] = {"clientId": "00000000-aaaa-bbbb-cccc-000000000000"}

def identity_user_assigned(props, doc):
    doc["identity"] = {"type": "UserAssigned", "userAssignedIdentities": {"/subscriptions/x/uami": {}}}

def pool_without_eah(props, doc):
    props["agentPoolProfiles"][1]["enableEncryptionAtHost"] = False

def pool_public_ip(props, doc):
    props["agentPoolProfiles"][0]["enableNodePublicIP"] = True

def noop(props, doc):
    pass

CLUSTER_CASES = {
    "AKS-NET-001": (delp("networkProfile.networkPolicy"), setp("networkProfile.networkPolicy", "azure")),
    "AKS-NET-002": (setp("addonProfiles.httpApplicationRouting.enabled", True), delp("addonProfiles.httpApplicationRouting")),
    "AKS-NET-003": (noop, noop),
    "AKS-NET-004": (pool_public_ip, noop),
    "AKS-ADD-001": (setp("addonProfiles.KubeDashboard", {"enabled": True}), setp("addonProfiles.kubeDashboard", {"enabled": False})),
    "AKS-API-001": (delp("apiServerAccessProfile"),
                    setp("apiServerAccessProfile", {"enablePrivateCluster": True, "privateDNSZone": "system"})),
    "AKS-API-002": (setp("apiServerAccessProfile.authorizedIPRanges", ["203.0.113.0/24", "0.0.0.0/0"]),
                    setp("apiServerAccessProfile.authorizedIPRanges", ["198.51.100.7/32", "203.0.113.0/24"])),
    "AKS-IAM-001": (setp("enableRBAC", False), noop),
    "AKS-IAM-002": (delp("aadProfile"), noop),
    "AKS-IAM-003": (setp("disableLocalAccounts", False), noop),
    "AKS-IAM-004": (setp("aadProfile.enableAzureRBAC", False), noop),
    "AKS-IAM-005": (no_identity, identity_user_assigned),
    "AKS-IAM-006": (setp("oidcIssuerProfile.enabled", False), noop),
    "AKS-IAM-007": (setp("podIdentityProfile", {"enabled": True, "allowNetworkPluginKubenet": True}), delp("podIdentityProfile")),
    "AKS-SEC-001": (setp("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation", "false"), noop),
    "AKS-SEC-002": (delp("securityProfile.azureKeyVaultKms"), noop),
    "AKS-SEC-003": (pool_without_eah, noop),
    "AKS-MON-001": (delp("addonProfiles.omsagent"),
                    both(delp("addonProfiles.omsagent"), setp("azureMonitorProfile.containerInsights.enabled", True))),
    "AKS-MON-002": (delp("securityProfile.defender"),
                    both(delp("securityProfile.defender"), setp("securityProfile.azureDefender.enabled", True))),
    "AKS-POL-001": (setp("addonProfiles.azurepolicy.enabled", False), noop),
    "AKS-UPG-001": (setp("autoUpgradeProfile.upgradeChannel", "none"), setp("autoUpgradeProfile.upgradeChannel", "stable")),
    "AKS-UPG-002": (setp("autoUpgradeProfile.nodeOSUpgradeChannel", "Unmanaged"),
                    setp("autoUpgradeProfile.nodeOSUpgradeChannel", "SecurityPatch")),
    "AKS-LOG-001": (noop, noop),
    "AKS-BCK-001": (noop, noop),
}

def in_default(docs):
    docs = [d for d in docs if d["kind"] != "Namespace"]
    for d in docs:
        d["metadata"].pop("namespace", None)
    return docs

def add_cap(cap):
    def change(docs):
        pod_spec(docs)["containers"][0]["securityContext"]["capabilities"]["add"] = [cap]
    return change

def host_path(docs):
    pod_spec(docs)["volumes"] = [{"name": "docker", "hostPath": {"path": "/var/run/docker.sock"}}]

def empty_dir(docs):
    pod_spec(docs)["volumes"] = [{"name": "tmp", "emptyDir": {}}]
    pod_spec(docs)["containers"][0]["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}]

def host_port(docs):
    pod_spec(docs)["containers"][0]["ports"][0]["hostPort"] = 8080

def run_as_root(docs):
    pod_spec(docs)["securityContext"].pop("runAsNonRoot")
    pod_spec(docs)["containers"][0]["securityContext"]["runAsUser"] = 0

def container_level_non_root(docs):
    pod_spec(docs)["securityContext"].pop("runAsNonRoot")
    pod_spec(docs)["containers"][0]["securityContext"]["runAsNonRoot"] = True

def image(ref):
    def change(docs):
        pod_spec(docs)["containers"][0]["image"] = ref
    return change

def secret_env(docs):
    pod_spec(docs)["containers"][0]["env"] = [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]

def secret_volume(docs):
    pod_spec(docs)["volumes"] = [{"name": "db", "secret": {"secretName": "db"}}]
    pod_spec(docs)["containers"][0]["volumeMounts"] = [{"name": "db", "mountPath": "/etc/db", "readOnly": True}]

def no_limits(docs):
    pod_spec(docs)["containers"][0]["resources"] = {"requests": {"cpu": "100m"}}

def unconfined(docs):
    pod_spec(docs)["securityContext"]["seccompProfile"] = {"type": "Unconfined"}

def container_seccomp(docs):
    pod_spec(docs)["securityContext"].pop("seccompProfile")
    pod_spec(docs)["containers"][0]["securityContext"]["seccompProfile"] = {"type": "Localhost", "localhostProfile": "web.json"}

def only_allow_policy(docs):
    return [d for d in docs if d.get("metadata", {}).get("name") != "default-deny"]

def implicit_ingress_deny(docs):
    docs = only_allow_policy(docs)
    docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "deny-all", "namespace": "shop"}, "spec": {"podSelector": {}}})
    return docs

def psa(level):
    def change(docs):
        docs[0]["metadata"]["labels"] = {} if level is None else {"pod-security.kubernetes.io/enforce": level}
    return change

MANIFEST_CASES = {
    "K8S-NET-001": (drop_kind("NetworkPolicy"), None),
    "K8S-NET-002": (only_allow_policy, implicit_ingress_deny),
    "K8S-NS-001": (psa("privileged"), psa("baseline")),
    "K8S-NS-002": (drop_kind("ResourceQuota"), None),
    "K8S-NS-003": (drop_kind("LimitRange"), None),
    "K8S-NS-004": (in_default, None),
    "POD-SEC-001": (csc("privileged", True), csc("privileged", False)),
    "POD-SEC-002": (pod_field("hostNetwork", True), pod_field("hostPID", False)),
    "POD-SEC-003": (host_path, empty_dir),
    "POD-SEC-004": (host_port, None),
    "POD-SEC-005": (run_as_root, container_level_non_root),
    "POD-SEC-006": (csc("allowPrivilegeEscalation", True), None),
    "POD-SEC-007": (add_cap("SYS_ADMIN"), add_cap("NET_BIND_SERVICE")),
    "POD-SEC-008": (csc("capabilities", {"drop": ["NET_RAW"]}), None),
    "POD-SEC-009": (csc("readOnlyRootFilesystem", False), None),
    "POD-SEC-010": (unconfined, container_seccomp),
    "POD-SEC-011": (secret_env, secret_volume),
    "POD-IMG-001": (image("docker.io/library/nginx:1.27.1"), image("mcr.microsoft.com/azurelinux/base/nginx:1.25")),
    "POD-IMG-002": (image("contoso.azurecr.io/shop/web:latest"),
                    image("contoso.azurecr.io/shop/web@sha256:" + "ab" * 32)),
    "POD-RES-001": (no_limits, None),
}

# --- least-privilege (RBAC) cases: the hardened manifests plus the web ServiceAccount, a narrow
# Role and its RoleBinding; each case changes one permission, subject or reference --------------

RBAC_GROUP = "rbac.authorization.k8s.io"

def service_account(name, ns="shop"):
    return {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}}

def rule(verbs, resources, groups=("",), names=None):
    r = {"apiGroups": list(groups), "resources": list(resources), "verbs": list(verbs)}
    if names:
        r["resourceNames"] = list(names)
    return r

def role(name, rules, ns="shop"):
    return {"apiVersion": f"{RBAC_GROUP}/v1", "kind": "Role", "metadata": {"name": name, "namespace": ns}, "rules": rules}

def cluster_role(name, rules, labels=None):
    meta = {"name": name}
    if labels:
        meta["labels"] = labels
    return {"apiVersion": f"{RBAC_GROUP}/v1", "kind": "ClusterRole", "metadata": meta, "rules": rules}

def sa_subject(name, ns="shop"):
    return {"kind": "ServiceAccount", "name": name, "namespace": ns}

def group_subject(name):
    return {"kind": "Group", "apiGroup": RBAC_GROUP, "name": name}

def role_binding(name, role_name, subjects, kind="Role", ns="shop"):
    return {"apiVersion": f"{RBAC_GROUP}/v1", "kind": "RoleBinding", "metadata": {"name": name, "namespace": ns},
            "roleRef": {"apiGroup": RBAC_GROUP, "kind": kind, "name": role_name}, "subjects": subjects}

def cluster_role_binding(name, role_name, subjects, labels=None):
    meta = {"name": name}
    if labels:
        meta["labels"] = labels
    return {"apiVersion": f"{RBAC_GROUP}/v1", "kind": "ClusterRoleBinding", "metadata": meta,
            "roleRef": {"apiGroup": RBAC_GROUP, "kind": "ClusterRole", "name": role_name}, "subjects": subjects}

WEB_RULES = [rule(["get"], ["configmaps"], names=["web-config"])]

def good_rbac_manifests():
    return good_manifests() + [service_account("web"), role("web", [dict(r) for r in WEB_RULES]),
                               role_binding("web", "web", [sa_subject("web")])]

def find(docs, kind, name):
    return next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name)

def web_rules(*rules):
    """Replaces the rules of Role shop/web."""
    def change(docs):
        find(docs, "Role", "web")["rules"] = [dict(r) for r in rules]
    return change

def add(*objects):
    def change(docs):
        docs.extend(objects)
    return change

def web_binding_subjects(*subjects):
    def change(docs):
        find(docs, "RoleBinding", "web")["subjects"] = list(subjects)
    return change

def web_binding_role(name):
    def change(docs):
        find(docs, "RoleBinding", "web")["roleRef"]["name"] = name
    return change

def web_cluster_grant(rules, binding="RoleBinding"):
    """Grants ClusterRole web-cluster (rules) to ServiceAccount shop/web through a ClusterRoleBinding
    or a RoleBinding in shop."""
    def change(docs):
        docs.append(cluster_role("web-cluster", rules))
        if binding == "ClusterRoleBinding":
            docs.append(cluster_role_binding("web-cluster", "web-cluster", [sa_subject("web")]))
        else:
            docs.append(role_binding("web-cluster", "web-cluster", [sa_subject("web")], kind="ClusterRole"))
    return change

def both_changes(*changes):
    def change(docs):
        for c in changes:
            c(docs)
    return change

BOOTSTRAP = {"kubernetes.io/bootstrapping": "rbac-defaults"}
CLUSTER_ADMIN = cluster_role("cluster-admin", [rule(["*"], ["*"], groups=["*"]), {"nonResourceURLs": ["*"], "verbs": ["*"]}],
                             labels=BOOTSTRAP)

def web_automount(value):
    def change(docs):
        pod_spec(docs)["automountServiceAccountToken"] = value
        find(docs, "Role", "web")["rules"] = [rule(["create"], ["pods/exec"])]
    return change

def powerful(sa, role_name, rules, cluster_wide):
    """ServiceAccount shop/<sa> holding `rules` cluster-wide (ClusterRoleBinding) or in shop."""
    objects = [service_account(sa)]
    if cluster_wide:
        if rules is not None:
            objects.append(cluster_role(role_name, rules))
        objects.append(cluster_role_binding(f"{sa}-{role_name}", role_name, [sa_subject(sa)]))
    else:
        objects += [role(role_name, rules), role_binding(f"{sa}-{role_name}", role_name, [sa_subject(sa)])]
    return add(*objects)

CREATE_PODS = rule(["create"], ["pods"])
READ_PODS = rule(["get", "list"], ["pods"])
READ_SECRETS = rule(["get", "list"], ["secrets"])

RBAC_CASES = {
    "K8S-RBAC-001": (web_rules(rule(["*"], ["configmaps"])), web_rules(rule(["get", "list", "watch"], ["configmaps"]))),
    "K8S-RBAC-002": (web_cluster_grant([READ_SECRETS], "ClusterRoleBinding"), web_cluster_grant([READ_SECRETS], "RoleBinding")),
    "K8S-RBAC-003": (web_rules(rule(["create"], ["pods/exec"])), web_rules(rule(["create"], ["pods/eviction"]))),
    "K8S-RBAC-004": (web_rules(rule(["create"], ["deployments"], groups=["apps"])),
                     web_rules(rule(["get", "list", "watch"], ["deployments"], groups=["apps"]))),
    "K8S-RBAC-005": (web_rules(rule(["impersonate"], ["serviceaccounts"])), web_rules(rule(["get"], ["serviceaccounts"]))),
    "K8S-RBAC-006": (web_rules(rule(["bind"], ["roles"], groups=[RBAC_GROUP])), web_rules(rule(["bind"], ["roles"], groups=[RBAC_GROUP], names=["web"]))),
    "K8S-RBAC-007": (web_rules(rule(["escalate"], ["roles"], groups=[RBAC_GROUP])), web_rules(rule(["get"], ["roles"], groups=[RBAC_GROUP]))),
    "K8S-RBAC-008": (web_cluster_grant([rule(["get"], ["nodes/proxy"])], "ClusterRoleBinding"),
                     web_cluster_grant([rule(["get"], ["nodes/metrics"])], "ClusterRoleBinding")),
    "K8S-RBAC-009": (web_cluster_grant([rule(["update"], ["certificatesigningrequests/approval"], groups=["certificates.k8s.io"]),
                                        rule(["approve"], ["signers"], groups=["certificates.k8s.io"],
                                             names=["kubernetes.io/kube-apiserver-client"])], "ClusterRoleBinding"),
                     web_cluster_grant([rule(["update"], ["certificatesigningrequests/approval"], groups=["certificates.k8s.io"])],
                                       "ClusterRoleBinding")),
    "K8S-RBAC-010": (web_cluster_grant([rule(["patch"], ["mutatingwebhookconfigurations"], groups=["admissionregistration.k8s.io"])],
                                       "ClusterRoleBinding"),
                     web_cluster_grant([rule(["patch"], ["mutatingwebhookconfigurations"], groups=["admissionregistration.k8s.io"],
                                             names=["web-webhook"])], "ClusterRoleBinding")),
    "K8S-RBAC-011": (web_rules(rule(["create"], ["serviceaccounts/token"])),
                     web_rules(rule(["create"], ["serviceaccounts/token"], names=["web"]))),
    "K8S-RBAC-012": (add(CLUSTER_ADMIN, cluster_role_binding("web-admin", "cluster-admin", [sa_subject("web")])),
                     add(CLUSTER_ADMIN, cluster_role_binding("cluster-admin", "cluster-admin", [group_subject("system:masters")],
                                                             labels=BOOTSTRAP))),
    "K8S-RBAC-013": (web_binding_subjects(sa_subject("web"), group_subject("system:authenticated")),
                     web_binding_subjects(sa_subject("web"), group_subject("shop-readers"))),
    "K8S-RBAC-014": (web_binding_subjects(sa_subject("default")), None),
    "K8S-RBAC-015": (web_automount(True), web_automount(False)),
    "K8S-RBAC-016": (web_binding_role("web-missing"), None),
    "K8S-RBAC-017": (web_binding_subjects(sa_subject("web"), sa_subject("web-old")), None),
    "K8S-RBAC-018": (add(role("web-unused", [rule(["get"], ["services"])])), None),
    "K8S-RBAC-019": (add(role_binding("web-again", "web", [sa_subject("web")])), None),
    "K8S-RBAC-020": (both_changes(web_rules(CREATE_PODS), add(CLUSTER_ADMIN), powerful("ops", "cluster-admin", None, True)),
                     both_changes(web_rules(READ_PODS), add(CLUSTER_ADMIN), powerful("ops", "cluster-admin", None, True))),
    "K8S-RBAC-021": (both_changes(web_rules(CREATE_PODS), powerful("reader", "secret-reader", [READ_SECRETS], True)),
                     both_changes(web_rules(CREATE_PODS), powerful("reader", "secret-reader", [READ_SECRETS], False))),
    "K8S-RBAC-022": (both_changes(web_rules(CREATE_PODS), powerful("reader", "secret-reader", [READ_SECRETS], False)),
                     both_changes(web_rules(READ_PODS), powerful("reader", "secret-reader", [READ_SECRETS], False))),
}

def rbac_case(change):
    docs = good_rbac_manifests()
    if change is not None:
        change(docs)
    return docs

def write_yaml(path, docs):
    import yaml
    with open(path, "w") as f:
        f.write("# Generated by Fixtures/audit/generate_fixtures.py\n")
        f.write(yaml.safe_dump_all(docs, sort_keys=False, explicit_start=True))

def main():
    for i, (check, (pos, neg)) in enumerate(sorted(CLUSTER_CASES.items())):
        for variant, change, shape in (("positive", pos, "arm" if i % 2 == 0 else "flat"),
                                       ("negative", neg, "flat" if i % 2 == 0 else "arm")):
            folder = os.path.join(ROOT, check, variant)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            with open(os.path.join(folder, "cluster.json"), "w") as f:
                json.dump(cluster_case(change, shape), f, indent=2)
                f.write("\n")
    for check, (pos, neg) in sorted(MANIFEST_CASES.items()):
        for variant, change in (("positive", pos), ("negative", neg or (lambda docs: None))):
            folder = os.path.join(ROOT, check, variant)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            write_yaml(os.path.join(folder, "manifests.yaml"), manifest_case(change))
    for check, (pos, neg) in sorted(RBAC_CASES.items()):
        for variant, change in (("positive", pos), ("negative", neg)):
            folder = os.path.join(ROOT, check, variant)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            write_yaml(os.path.join(folder, "manifests.yaml"), rbac_case(change))

if __name__ == "__main__":
    main()
