package no.samrad.infrastructure.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media types each address answers with, as its resource methods declare them in
 * {@code @Produces}. A 406 is decided while the request is routed, before a resource method is
 * chosen, so the problem that explains it cannot ask the matched method: it asks here, by the
 * request's method and path.
 */
@Singleton
class ProducedMediaTypes {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*([^{}]+))?}");

    private record Endpoint(String method, Pattern path, List<String> produces) {
    }

    private final BeanManager beans;
    private volatile List<Endpoint> endpoints;

    ProducedMediaTypes(BeanManager beans) {
        this.beans = beans;
    }

    /**
     * What a request with this method and raw path would be answered with, in the order the
     * resource declares it; empty where no resource method declares any.
     */
    public List<String> at(String method, String rawPath) {
        // JAX-RS answers a HEAD with the GET method where there is no HEAD method of its own.
        String wanted = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        String path = normal(rawPath);
        Set<String> types = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals(wanted) && endpoint.path().matcher(path).matches()) {
                types.addAll(endpoint.produces());
            }
        }
        return List.copyOf(types);
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = index();
            endpoints = known;
        }
        return known;
    }

    private List<Endpoint> index() {
        List<Endpoint> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                found.add(new Endpoint(http, template(root.value() + "/" + (sub == null ? "" : sub.value())),
                        mediaTypes(produces)));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> mediaTypes(Produces produces) {
        if (produces == null) {
            return List.of();
        }
        return Arrays.stream(produces.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(type -> !type.isEmpty()).toList();
    }

    private static Pattern template(String path) {
        String template = normal(path);
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literal = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(literal, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).trim() + ")");
            literal = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(literal)));
        return Pattern.compile(regex.toString());
    }

    private static String normal(String path) {
        return path.replaceAll("/{2,}", "/").replaceAll("^/|/$", "");
    }
}
