package io.trailwatch.deploy.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a CloudFormation/SAM template the way CloudFormation does: the short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}...) become their long forms ({@code {"Ref": x}}, {@code {"Fn::GetAtt": [r,
 * a]}}...), an unknown tag or a duplicate key is an error, and {@code 2010-09-09} stays a string.
 */
public final class CfnYaml {
  /** Short tag to long-form key. {@code !Ref} and {@code !Condition} have no "Fn::" prefix. */
  static final Map<String, String> TAGS = new LinkedHashMap<>();

  static {
    TAGS.put("!Ref", "Ref");
    TAGS.put("!Condition", "Condition");
    for (String fn :
        List.of(
            "GetAtt", "Sub", "Join", "If", "Equals", "Not", "And", "Or", "Select", "Split", "FindInMap",
            "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "ToJsonString", "Length")) {
      TAGS.put("!" + fn, "Fn::" + fn);
    }
  }

  private CfnYaml() {}

  /** Parses one YAML document; throws {@link org.yaml.snakeyaml.error.YAMLException} with the line on error. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions unused = new DumperOptions();
    Yaml parser = new Yaml(new Constructor(options), new Representer(unused), unused, options, new CfnResolver());
    Object document = parser.load(yaml);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("a template is a YAML mapping, got " + document);
    }
    return (Map<String, Object>) document;
  }

  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      TAGS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new ShortForm(key)));
    }

    private final class ShortForm extends AbstractConstruct {
      private final String key;

      ShortForm(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = constructScalar(scalar);
          // !GetAtt Resource.Attribute (the attribute may itself contain dots: Endpoint.Address)
          value = key.equals("Fn::GetAtt") && text.contains(".")
              ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
              : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> longForm = new LinkedHashMap<>();
        longForm.put(key, value);
        return longForm;
      }
    }
  }

  /** The YAML 1.1 resolver without timestamps: CloudFormation reads 2010-09-09 as a string. */
  private static final class CfnResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
      addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
    }
  }
}
