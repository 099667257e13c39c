import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'feedback' })
export class FeedbackEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) sessionId!: string;
  @Property({ type: 'integer' }) rating!: number;
  @Property({ type: 'string', nullable: true }) comment: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
}
