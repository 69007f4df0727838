package dev.ticketing.infra.observability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What makes a provisioned dashboard show nothing or fail to load, found without Grafana: a data source uid that
 * is not provisioned, two panels with one id, two dashboards with one uid, a panel without a query, unit or
 * legend, a {@code $variable} no template defines. Each problem is one readable line.
 */
final class DashboardCheck {

    /** {@code $name}, {@code ${name}} and {@code [[name]]}; Grafana's own start with two underscores. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)|\\[\\[([A-Za-z0-9_]+)]]");

    private final Set<String> knownDataSources;
    private final Map<String, String> uidOwners = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    DashboardCheck(Set<String> knownDataSources) {
        this.knownDataSources = Set.copyOf(knownDataSources);
    }

    /** Checks one dashboard; {@code name} says where a problem is. */
    DashboardCheck check(String name, JsonNode dashboard) {
        String uid = dashboard.path("uid").asString("");
        if (uid.isBlank()) {
            problems.add(name + ": no uid");
        } else if (uidOwners.putIfAbsent(uid, name) != null) {
            problems.add(name + ": uid " + uid + " is also " + uidOwners.get(uid) + "'s");
        }
        Set<String> defined = new HashSet<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            defined.add(variable.path("name").asString());
            dataSource(name + " variable " + variable.path("name").asString(), variable.path("datasource"));
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String where = name + " panel \"" + panel.path("title").asString() + "\"";
            if (!panel.path("id").isInt()) {
                problems.add(where + ": no numeric id");
            } else if (!ids.add(panel.path("id").asInt())) {
                problems.add(where + ": id " + panel.path("id").asInt() + " is used twice");
            }
            if (!"row".equals(panel.path("type").asString())) {
                queryPanel(where, panel, defined);
            }
        }
        return this;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void queryPanel(String where, JsonNode panel, Set<String> defined) {
        dataSource(where, panel.path("datasource"));
        if (panel.path("fieldConfig").path("defaults").path("unit").asString("").isBlank()) {
            problems.add(where + ": no unit");
        }
        int queries = 0;
        for (JsonNode target : panel.path("targets")) {
            String expr = target.path("expr").asString("");
            if (expr.isBlank()) {
                continue;
            }
            queries++;
            if (target.has("datasource")) {
                dataSource(where, target.path("datasource"));
            }
            if (target.path("legendFormat").asString("").isBlank()) {
                problems.add(where + ": query " + target.path("refId").asString() + " has no legend");
            }
            undefinedVariables(where, expr, defined);
        }
        if (queries == 0) {
            problems.add(where + ": no query");
        }
    }

    private void undefinedVariables(String where, String expr, Set<String> defined) {
        Matcher matcher = VARIABLE.matcher(expr);
        while (matcher.find()) {
            String variable = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (!variable.startsWith("__") && !defined.contains(variable)) {
                problems.add(where + ": uses $" + variable + ", which no template variable defines");
            }
        }
    }

    private void dataSource(String where, JsonNode dataSource) {
        String uid = dataSource.isString() ? dataSource.asString() : dataSource.path("uid").asString("");
        if (!knownDataSources.contains(uid)) {
            problems.add(where + ": data source uid \"" + uid + "\" is not provisioned " + knownDataSources);
        }
    }

    /** Top-level panels and the panels folded inside rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }
}
