package org.kapclinic.dosing;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/** The shipped protocol files, read as the application reads them. */
final class ProtocolFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProtocolFixtures() {
	}

	static Protocol shipped(String code) {
		try (InputStream in = new ClassPathResource("protocols/" + code + ".json").getInputStream()) {
			return JSON.readValue(in, Protocol.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A shipped protocol with some fields changed, as an administrator would publish it.
	 */
	static Protocol with(String code, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> change) {
		try (InputStream in = new ClassPathResource("protocols/" + code + ".json").getInputStream()) {
			tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(in);
			change.accept(tree);
			return JSON.treeToValue(tree, Protocol.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Protocol iv() {
		return shipped("IV_KETAMINE");
	}

	static Protocol esketamine() {
		return shipped("ESKETAMINE_REMS");
	}

}
