package paragent.demo.bench.workload;

import java.util.SplittableRandom;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene indexing and search in memory: the threads add one generated document per unit through
 * one shared {@link IndexWriter} (text from a skewed vocabulary, a category, a numeric id), then
 * the index is committed and the threads run one query per {@value #DOCUMENTS_PER_QUERY} documents
 * (term, conjunction, disjunction with a filter), each counted exactly, scored for
 * its top 10 and sorted by id for its first 10. The checksum uses the exact counts and the
 * id-sorted hits, which do not depend on the order the threads indexed in (scores' ties would).
 * Each {@link #run} builds a fresh index. Used from one thread at a time.
 */
final class LuceneWorkload implements Workload {

    /** One query per this many documents. */
    static final int DOCUMENTS_PER_QUERY = 2;
    /** Distinct words of the generated text. */
    static final int VOCABULARY = 5_000;
    /** Words per document. */
    static final int WORDS_PER_DOCUMENT = 60;
    /** Distinct categories (a keyword field used as a filter). */
    static final int CATEGORIES = 20;

    private static final Sort BY_ID = new Sort(new SortField("id", SortField.Type.LONG));

    @Override
    public long run(int threads, int units) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                PerThread.sum(threads, t -> index(writer, PerThread.sliceStart(units, threads, t),
                        PerThread.sliceStart(units, threads, t + 1)));
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int queries = units / DOCUMENTS_PER_QUERY;
                return reader.numDocs() * 1_000_003L + PerThread.sum(threads, t -> search(searcher,
                        PerThread.sliceStart(queries, threads, t), PerThread.sliceStart(queries, threads, t + 1)));
            }
        }
    }

    private static long index(IndexWriter writer, int from, int to) throws Exception {
        for (int id = from; id < to; id++) {
            Document doc = new Document();
            doc.add(new NumericDocValuesField("id", id));
            doc.add(new StringField("category", "c" + id % CATEGORIES, Field.Store.NO));
            doc.add(new TextField("body", text(new SplittableRandom(id), WORDS_PER_DOCUMENT), Field.Store.NO));
            writer.addDocument(doc);
        }
        return 0;
    }

    private static long search(IndexSearcher searcher, int from, int to) throws Exception {
        long checksum = 0;
        for (int q = from; q < to; q++) {
            Query query = query(q, new SplittableRandom(-1 - q));
            TopDocs scored = searcher.search(query, 10);
            TopDocs sorted = searcher.search(query, 10, BY_ID);
            long ids = 0;
            for (ScoreDoc hit : sorted.scoreDocs) {
                ids = ids * 31 + (Long) ((FieldDoc) hit).fields[0];
            }
            checksum += searcher.count(query) * 1_000_003L + ids + scored.scoreDocs.length;
        }
        return checksum;
    }

    private static Query query(int q, SplittableRandom random) {
        TermQuery first = new TermQuery(new Term("body", word(random)));
        TermQuery second = new TermQuery(new Term("body", word(random)));
        return switch (q % 3) {
            case 0 -> first;
            case 1 -> new BooleanQuery.Builder().add(first, Occur.MUST).add(second, Occur.MUST).build();
            default -> new BooleanQuery.Builder().add(first, Occur.SHOULD).add(second, Occur.SHOULD)
                    .add(new TermQuery(new Term("category", "c" + q % CATEGORIES)), Occur.FILTER).build();
        };
    }

    private static String text(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(word(random)).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }

    /** A word of a skewed distribution: low ranks are frequent, as in real text. */
    private static String word(SplittableRandom random) {
        double u = random.nextDouble();
        int rank = (int) (u * u * u * VOCABULARY);
        StringBuilder word = new StringBuilder("w");
        do {
            word.append((char) ('a' + rank % 26));
            rank /= 26;
        } while (rank > 0);
        return word.toString();
    }
}
