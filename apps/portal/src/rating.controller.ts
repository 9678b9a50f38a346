import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RATING_COMMENT_MAX_LENGTH, RatingService } from '@onewindow/applications';
import { CurrentAccount, SignedInAccount } from '@onewindow/auth';

class RateDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' })
  @IsInt({ message: 'fields.rating_level' })
  @Min(1, { message: 'fields.rating_level' })
  @Max(5, { message: 'fields.rating_level' })
  level: number;

  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX_LENGTH })
  @IsOptional()
  @IsString({ message: 'fields.invalid' })
  @MaxLength(RATING_COMMENT_MAX_LENGTH, { message: 'fields.text_too_long' })
  comment?: string;
}

/** 好差评: one rating per finished case (issued or denied); a poor one opens a follow-up for staff. */
@ApiTags('applications')
@Controller('api/applications')
export class RatingController {
  constructor(private readonly ratings: RatingService) {}

  @Post(':id/rating')
  @HttpCode(201)
  rate(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: RateDto) {
    return this.ratings.rate({ kind: 'applicant', id: account.id, name: account.name }, id, body);
  }
}
