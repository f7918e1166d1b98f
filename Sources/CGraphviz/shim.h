#ifndef KUBE_REACH_CGRAPHVIZ_SHIM_H
#define KUBE_REACH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
