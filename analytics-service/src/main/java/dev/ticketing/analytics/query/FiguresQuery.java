package dev.ticketing.analytics.query;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.ticketing.analytics.config.AnalyticsProperties;
import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.streams.SalesTopology;
import dev.ticketing.web.client.RestClientTarget;

/**
 * Answers for all instances: a concert's figures live in the store of the one instance whose stream task owns the
 * concert's partition (Kafka Streams knows which, from each instance's {@code application.server}); this one reads
 * its own store, or asks that instance's internal endpoint ({@link InternalFiguresController}).
 */
@Component
public class FiguresQuery {

    private final StreamsBuilderFactoryBean factory;
    private final HostInfo self;
    private final RestClient peers;

    FiguresQuery(StreamsBuilderFactoryBean factory, AnalyticsProperties properties,
                 @Value("${server.port}") int port, RestClient.Builder restClients) {
        this.factory = factory;
        this.self = new HostInfo(properties.advertisedHost(), port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.peerTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.peerTimeout());
        this.peers = restClients.clone().requestFactory(requests)
                .observationConvention(new RestClientTarget("analytics-service")).build();
    }

    public Optional<LocalFigures> concert(String concertId, Instant from, Instant to) {
        KafkaStreams streams = streams();
        KeyQueryMetadata owner = streams.queryMetadataForKey(SalesTopology.FIGURES_STORE, concertId,
                Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new FiguresNotReady("no instance owns the concert's partition yet");
        }
        if (owner.activeHost().equals(self)) {
            return LocalStores.concert(streams, concertId, from, to);
        }
        try {
            return Optional.ofNullable(peers.get()
                    .uri(base(owner.activeHost()) + InternalFiguresController.PATH + "/{concertId}?from={from}&to={to}",
                            concertId, from, to)
                    .retrieve().body(LocalFigures.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new FiguresNotReady("the instance owning the concert refused: " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new FiguresNotReady("the instance owning the concert did not answer", e);
        }
    }

    /** Every concert's figures, each from the instance that owns it. */
    public List<ConcertFigures> all() {
        KafkaStreams streams = streams();
        List<ConcertFigures> concerts = new ArrayList<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(SalesTopology.FIGURES_STORE)) {
            if (instance.hostInfo().equals(self)) {
                concerts.addAll(LocalStores.all(streams));
                continue;
            }
            try {
                ConcertFigures[] theirs = peers.get().uri(base(instance.hostInfo()) + InternalFiguresController.PATH)
                        .retrieve().body(ConcertFigures[].class);
                concerts.addAll(Arrays.asList(theirs == null ? new ConcertFigures[0] : theirs));
            } catch (RestClientException e) {
                throw new FiguresNotReady("instance " + instance.hostInfo() + " did not answer", e);
            }
        }
        return concerts;
    }

    KafkaStreams streams() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null || !(streams.state() == KafkaStreams.State.RUNNING
                || streams.state() == KafkaStreams.State.REBALANCING)) {
            throw new FiguresNotReady("the streams are " + (streams == null ? "not started" : streams.state()));
        }
        return streams;
    }

    private static String base(HostInfo host) {
        return "http://" + host.host() + ":" + host.port();
    }
}
