package org.baosong.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole gateway on a random port, on the test database ({@link TestDatabase}), with the shipped
 * {@code config/application.yml} underneath. Demo data is off unless a test turns it on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GatewayTestInitializer.class)
public @interface GatewayTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "baosong.demo.enabled=false" };
}
