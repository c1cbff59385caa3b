package io.mpgov;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Each feature's settings record (a {@code @ConfigurationProperties} record that {@link MpgovApplication}'s
 * scan binds) is also known by the name of its type: {@code catalogSettings}, {@code reviewSettings},
 * {@code licenseSettings}, {@code approvalSettings}, {@code auditSettings}, … The models' expressions
 * ({@code ${reviewSettings.accessGroupsCsv()}}) and SpEL ({@code #{@auditSettings.inboxCleanupCron()}}) read
 * settings by these names; Spring Boot itself names such a bean {@code <prefix>-<class name>}. A name that is
 * already taken fails the start-up.
 */
@Component
class SettingsBeanNames implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            String type = definition.getBeanClassName();
            if (type == null || !type.startsWith("io.mpgov.")) {
                continue;
            }
            Class<?> settings = ClassUtils.resolveClassName(type, factory.getBeanClassLoader());
            if (settings.isRecord() && settings.isAnnotationPresent(ConfigurationProperties.class)) {
                String alias = StringUtils.uncapitalize(settings.getSimpleName());
                if (factory.containsBeanDefinition(alias)) {
                    throw new IllegalStateException(
                            "The settings " + type + " are read as '" + alias + "', but another bean has that name");
                }
                factory.registerAlias(name, alias);
            }
        }
    }
}
