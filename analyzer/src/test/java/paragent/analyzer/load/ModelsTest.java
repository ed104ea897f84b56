package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Class names as a Java programmer writes them. */
class ModelsTest {

    @Test
    void arrayDescriptorsAndLambdaClassesReadAsJava() {
        assertThat(Models.javaName("[B")).isEqualTo("byte[]");
        assertThat(Models.javaName("[[D")).isEqualTo("double[][]");
        assertThat(Models.javaName("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(Models.javaName("app.Main$$Lambda$136+0x00007f690c199a80.1027569178")).isEqualTo("app.Main$$Lambda");
        assertThat(Models.javaName("app.Particle")).isEqualTo("app.Particle");
    }
}
